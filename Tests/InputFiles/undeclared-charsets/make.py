#!/usr/bin/env python3
"""Writes the pages CharsetDecoderTests reads: one paragraph of a language
in a legacy encoding, in a page that declares no charset (NAME.html), and
the paragraph in UTF-8 (NAME.txt). Run from anywhere: files land here."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = {
    "ru-windows-1251": ("cp1251", "В субботу утром по новому участку трамвайной линии между улицей Строителей и железнодорожным вокзалом прошёл первый пассажирский вагон. Маршрут № 9 теперь связывает Заречный район с центром города."),
    "ru-koi8-r": ("koi8_r", "В субботу утром по новому участку трамвайной линии между улицей Строителей и железнодорожным вокзалом прошёл первый пассажирский вагон. Маршрут теперь связывает Заречный район с центром города."),
    "pl-windows-1250": ("cp1250", "Miejska biblioteka została ponownie otwarta po ośmiu miesiącach remontu. Uczniowie pobliskiej szkoły jako pierwsi zwiedzili nowe pomieszczenia, a dyrektorka liczy na większą liczbę czytelników. Będą też dłuższe godziny otwarcia i zajęcia dla rodzin z dziećmi w każdą sobotę."),
    "ja-shift_jis": ("cp932", "市立図書館が八か月の改修工事を終えて再開しました。近くの小学校の児童が最初に新しい閲覧室を見学し、館長は来年さらに多くの利用者を期待しています。"),
    "zh-gbk": ("gbk", "市图书馆经过八个月的装修后重新开放。附近学校的学生们第一批参观了新的阅览室，馆长希望明年吸引更多的读者。"),
    "ko-euc-kr": ("cp949", "시립 도서관이 8개월간의 보수 공사를 마치고 다시 문을 열었습니다. 인근 학교 학생들이 처음으로 새로운 열람실을 둘러보았습니다."),
    "he-windows-1255": ("cp1255", "הספרייה העירונית נפתחה מחדש לאחר שמונה חודשי שיפוצים. תלמידי בית הספר הסמוך היו הראשונים לבקר בחללים החדשים."),
    "fr-windows-1252": ("cp1252", "La médiathèque rouvre ses portes après huit mois de travaux – les élèves de l'école Saint-Exupéry ont été les premiers à découvrir les nouveaux espaces. « C'est très lumineux », a déclaré la directrice."),
}

for name, (encoding, text) in SAMPLES.items():
    page = f"<!DOCTYPE html>\n<html><head><title>{name}</title></head>\n<body><article><p>{text}</p></article></body></html>\n"
    with open(os.path.join(HERE, name + ".html"), "wb") as out:
        out.write(page.encode(encoding))
    with open(os.path.join(HERE, name + ".txt"), "w", encoding="utf-8") as out:
        out.write(text + "\n")
