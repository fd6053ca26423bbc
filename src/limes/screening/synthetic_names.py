"""Parallel name tables for synthetic watchlists: each name in its own script with the Latin
spellings that documents and lists actually carry, written down as data.

The spellings are facts, not the output of the screening engine's transliteration, so a
planted query in another system or script tests the engine instead of mirroring it.

Sources, by table:
- Russian: ICAO Doc 9303 Part 3 (the Russian passport since 2013), BGN/PCGN 1947 (with the
  diaeresis and the apostrophes of ь/ъ dropped, as English-language lists print it), GOST
  7.79-2000 system B (its backtick marks dropped), the French column of MVD order 310/1997
  (ин -> ine at the end, с -> ss between vowels) and the German Duden transcription (е -> je
  at the start and after vowels, ё -> jo, кс -> x, й -> i/j, с -> ss between vowels). Letter
  tables as published in the iuliia schemas (github.com/nalgeon/iuliia: icao_doc_9303,
  bgn_pcgn, gost_779_alt, mvd_310_fr) and the Duden rules as summarised in the German
  Wikipedia's "Transkription" tables; etias_screening.md §4.3 [C3][C8].
- Ukrainian: the national system of Cabinet of Ministers Resolution 55/2010 (Г -> h,
  Є/Ї/Й/Ю/Я -> ye/yi/y/yu/ya at the start) [C9], and the ICAO Doc 9303 Ukrainian rows
  (Г -> g, И -> y, Є -> ie) [C4][C10].
- Belarusian: ICAO Doc 9303 Belarusian rows (Г -> h, Ё -> io, Ў -> u; interscript map
  icao-bel-Cyrl-Latn-9303 test "Бабрыковіч Аляксандр" -> "Babrykovich Aliaksandr") and
  BGN/PCGN 1979 (Ў -> w, Я -> ya).
- Arabic: usual Latin spellings of each name as found on travel documents and in sanctions
  lists (etias_screening.md §4.4-4.5: Mohammed/Muhammad/Mohamed, particles, [C6][S1][O10]);
  the first spelling is the most frequent. Family names that carry the article are written
  without it; the generator adds al-/Al /Al-/El-/ash- forms.
- Chinese: Hanyu Pinyin (mainland passports; 吕 as "Lyu", the passport form of Lü), Wade-Giles
  as printed in Taiwanese passports (apostrophes dropped) and the Hong Kong government's
  Cantonese romanisation; pinyin checked against the pypinyin dictionary.
- Greek: ELOT 743 / ISO 843 type 2, the system of Greek passports, and spellings attested in
  older and Cypriot documents (Constantinou, Demetriou, Haralambos).
- Latin-script languages: common given names and surnames from national name-frequency
  lists (Destatis and the Gesellschaft für deutsche Sprache, INSEE, the Meertens Institute's
  Nederlandse Familienamenbank, the Polish PESEL registry), ordered roughly by frequency.
  English, Spanish, Portuguese, Turkish and Nigerian names come from limes.seed.name_tables.
"""

from dataclasses import dataclass
from typing import Final

RUSSIAN_SYSTEMS: Final = ("icao", "bgn_pcgn", "gost_779_b", "french_mvd_310", "german_duden")
UKRAINIAN_SYSTEMS: Final = ("ukraine_2010", "icao")
BELARUSIAN_SYSTEMS: Final = ("icao", "bgn_pcgn")
ARABIC_SYSTEMS: Final = ("usual",)
CHINESE_SYSTEMS: Final = ("pinyin", "wade_giles", "cantonese_hk")
GREEK_SYSTEMS: Final = ("elot_743", "attested")


@dataclass(frozen=True, slots=True)
class NameForms:
    """One name part in its own script and its Latin spellings, most usual first.

    >>> forms = NameForms("Щербаков", (("icao", "Shcherbakov"), ("gost_779_b", "Shherbakov")))
    >>> forms.spelling("gost_779_b"), forms.latin[0]
    ('Shherbakov', 'Shcherbakov')
    """

    native: str
    spellings: tuple[tuple[str, str], ...]
    sex: str = ""  # "M" or "F" for given names that belong to one sex

    @property
    def latin(self) -> tuple[str, ...]:
        """The distinct Latin spellings, in table order."""
        return tuple(dict.fromkeys(spelling for _, spelling in self.spellings))

    def spelling(self, system: str) -> str:
        """The spelling in one system; the first spelling when the table has none for it."""
        for name, spelling in self.spellings:
            if name == system:
                return spelling
        return self.spellings[0][1]


def _cyrillic(text: str, systems: tuple[str, ...], sex: str = "") -> tuple[NameForms, ...]:
    """Rows of `native spelling spelling ...`, one column per system."""
    rows = []
    for line in text.strip().splitlines():
        native, *spellings = line.split()
        if len(spellings) != len(systems):
            raise ValueError(f"{native}: {len(spellings)} spellings for {len(systems)} systems")
        rows.append(NameForms(native, tuple(zip(systems, spellings, strict=True)), sex))
    return tuple(rows)


def _listed(text: str, system: str, sex: str = "") -> tuple[NameForms, ...]:
    """Rows of `native | spelling, spelling, ...`: several spellings in one system."""
    rows = []
    for line in text.strip().splitlines():
        native, spellings = (part.strip() for part in line.split("|"))
        rows.append(
            NameForms(native, tuple((system, s.strip()) for s in spellings.split(",")), sex)
        )
    return tuple(rows)


def _greek(text: str) -> tuple[NameForms, ...]:
    """Rows of `native | ELOT 743 | attested, ...` (the attested column may be empty)."""
    rows = []
    for line in text.strip().splitlines():
        native, elot, attested = (part.strip() for part in line.split("|"))
        spellings = [("elot_743", elot)]
        spellings += [("attested", s.strip()) for s in attested.split(",") if s.strip()]
        rows.append(NameForms(native, tuple(spellings)))
    return tuple(rows)


def _han(text: str) -> tuple[NameForms, ...]:
    """Rows of `han pinyin wade-giles cantonese [sex]`."""
    rows = []
    for line in text.strip().splitlines():
        native, pinyin, wade_giles, cantonese, *sex = line.split()
        spellings = zip(CHINESE_SYSTEMS, (pinyin, wade_giles, cantonese), strict=True)
        rows.append(NameForms(native, tuple(spellings), sex[0] if sex else ""))
    return tuple(rows)


def _words(text: str) -> tuple[str, ...]:
    """Comma-separated names; a name may hold spaces (van den Berg)."""
    return tuple(name.strip() for name in text.split(",") if name.strip())


# -- Cyrillic ---------------------------------------------------------------------------------
# Columns: Cyrillic, then one spelling per system in the order of the *_SYSTEMS tuple.
# Patronymic tables are aligned with RUSSIAN_MALE_GIVEN: row n is the father's name of row n.
# Feminine surname tables are aligned with the masculine ones.

RUSSIAN_MALE_GIVEN = _cyrillic(
    """
Александр   Aleksandr   Aleksandr   Aleksandr   Alexandr     Alexandr
Сергей      Sergei      Sergey      Sergej      Serguei      Sergei
Дмитрий     Dmitrii     Dmitriy     Dmitrij     Dmitrii      Dmitri
Андрей      Andrei      Andrey      Andrej      Andrei       Andrei
Алексей     Aleksei     Aleksey     Aleksej     Alexei       Alexei
Максим      Maksim      Maksim      Maksim      Maxim        Maxim
Евгений     Evgenii     Yevgeniy    Evgenij     Evguenii     Jewgeni
Иван        Ivan        Ivan        Ivan        Ivan         Iwan
Михаил      Mikhail     Mikhail     Mixail      Mikhail      Michail
Николай     Nikolai     Nikolay     Nikolaj     Nikolai      Nikolai
Владимир    Vladimir    Vladimir    Vladimir    Vladimir     Wladimir
Игорь       Igor        Igor        Igor        Igor         Igor
Павел       Pavel       Pavel       Pavel       Pavel        Pawel
Юрий        Iurii       Yuriy       Yurij       Iourii       Juri
Олег        Oleg        Oleg        Oleg        Oleg         Oleg
Виктор      Viktor      Viktor      Viktor      Viktor       Wiktor
Роман       Roman       Roman       Roman       Roman        Roman
Артём       Artem       Artem       Artyom      Artem        Artjom
Денис       Denis       Denis       Denis       Denis        Denis
Константин  Konstantin  Konstantin  Konstantin  Konstantine  Konstantin
Антон       Anton       Anton       Anton       Anton        Anton
Василий     Vasilii     Vasiliy     Vasilij     Vassilii     Wassili
Никита      Nikita      Nikita      Nikita      Nikita       Nikita
Анатолий    Anatolii    Anatoliy    Anatolij    Anatolii     Anatoli
Вячеслав    Viacheslav  Vyacheslav  Vyacheslav  Viatcheslav  Wjatscheslaw
Геннадий    Gennadii    Gennadiy    Gennadij    Guennadii    Gennadi
Кирилл      Kirill      Kirill      Kirill      Kirill       Kirill
Фёдор       Fedor       Fedor       Fyodor      Fedor        Fjodor
Илья        Ilia        Ilya        Ilya        Ilia         Ilja
Григорий    Grigorii    Grigoriy    Grigorij    Grigorii     Grigori
Пётр        Petr        Petr        Pyotr       Petr         Pjotr
Борис       Boris       Boris       Boris       Boris        Boris
Валерий     Valerii     Valeriy     Valerij     Valerii      Waleri
Станислав   Stanislav   Stanislav   Stanislav   Stanislav    Stanislaw
Руслан      Ruslan      Ruslan      Ruslan      Rouslan      Ruslan
""",
    RUSSIAN_SYSTEMS,
    sex="M",
)

RUSSIAN_PATRONYMIC_MALE = _cyrillic(
    """
Александрович  Aleksandrovich  Aleksandrovich  Aleksandrovich  Alexandrovitch    Alexandrowitsch
Сергеевич      Sergeevich      Sergeyevich     Sergeevich      Sergueevitch      Sergejewitsch
Дмитриевич     Dmitrievich     Dmitriyevich    Dmitrievich     Dmitrievitch      Dmitrijewitsch
Андреевич      Andreevich      Andreyevich     Andreevich      Andreevitch       Andrejewitsch
Алексеевич     Alekseevich     Alekseyevich    Alekseevich     Alexeevitch       Alexejewitsch
Максимович     Maksimovich     Maksimovich     Maksimovich     Maximovitch       Maximowitsch
Евгеньевич     Evgenevich      Yevgenyevich    Evgenevich      Evguenievitch     Jewgenjewitsch
Иванович       Ivanovich       Ivanovich       Ivanovich       Ivanovitch        Iwanowitsch
Михайлович     Mikhailovich    Mikhaylovich    Mixajlovich     Mikhailovitch     Michailowitsch
Николаевич     Nikolaevich     Nikolayevich    Nikolaevich     Nikolaevitch      Nikolajewitsch
Владимирович   Vladimirovich   Vladimirovich   Vladimirovich   Vladimirovitch    Wladimirowitsch
Игоревич       Igorevich       Igorevich       Igorevich       Igorevitch        Igorewitsch
Павлович       Pavlovich       Pavlovich       Pavlovich       Pavlovitch        Pawlowitsch
Юрьевич        Iurevich        Yuryevich       Yurevich        Iourievitch       Jurjewitsch
Олегович       Olegovich       Olegovich       Olegovich       Olegovitch        Olegowitsch
Викторович     Viktorovich     Viktorovich     Viktorovich     Viktorovitch      Wiktorowitsch
Романович      Romanovich      Romanovich      Romanovich      Romanovitch       Romanowitsch
Артёмович      Artemovich      Artemovich      Artyomovich     Artemovitch       Artjomowitsch
Денисович      Denisovich      Denisovich      Denisovich      Denissovitch      Denissowitsch
Константинович Konstantinovich Konstantinovich Konstantinovich Konstantinovitch  Konstantinowitsch
Антонович      Antonovich      Antonovich      Antonovich      Antonovitch       Antonowitsch
Васильевич     Vasilevich      Vasilyevich     Vasilevich      Vassilievitch     Wassiljewitsch
Никитич        Nikitich        Nikitich        Nikitich        Nikititch         Nikititsch
Анатольевич    Anatolevich     Anatolyevich    Anatolevich     Anatolievitch     Anatoljewitsch
Вячеславович   Viacheslavovich Vyacheslavovich Vyacheslavovich Viatcheslavovitch Wjatscheslawowitsch
Геннадьевич    Gennadevich     Gennadyevich    Gennadevich     Guennadievitch    Gennadjewitsch
Кириллович     Kirillovich     Kirillovich     Kirillovich     Kirillovitch      Kirillowitsch
Фёдорович      Fedorovich      Fedorovich      Fyodorovich     Fedorovitch       Fjodorowitsch
Ильич          Ilich           Ilich           Ilich           Ilitch            Iljitsch
Григорьевич    Grigorevich     Grigoryevich    Grigorevich     Grigorievitch     Grigorjewitsch
Петрович       Petrovich       Petrovich       Petrovich       Petrovitch        Petrowitsch
Борисович      Borisovich      Borisovich      Borisovich      Borissovitch      Borissowitsch
Валерьевич     Valerevich      Valeryevich     Valerevich      Valerievitch      Walerjewitsch
Станиславович  Stanislavovich  Stanislavovich  Stanislavovich  Stanislavovitch   Stanislawowitsch
Русланович     Ruslanovich     Ruslanovich     Ruslanovich     Rouslanovitch     Ruslanowitsch
""",
    RUSSIAN_SYSTEMS,
)

RUSSIAN_PATRONYMIC_FEMALE = _cyrillic(
    """
Александровна   Aleksandrovna   Aleksandrovna   Aleksandrovna   Alexandrovna     Alexandrowna
Сергеевна       Sergeevna       Sergeyevna      Sergeevna       Sergueevna       Sergejewna
Дмитриевна      Dmitrievna      Dmitriyevna     Dmitrievna      Dmitrievna       Dmitrijewna
Андреевна       Andreevna       Andreyevna      Andreevna       Andreevna        Andrejewna
Алексеевна      Alekseevna      Alekseyevna     Alekseevna      Alexeevna        Alexejewna
Максимовна      Maksimovna      Maksimovna      Maksimovna      Maximovna        Maximowna
Евгеньевна      Evgenevna       Yevgenyevna     Evgenevna       Evguenievna      Jewgenjewna
Ивановна        Ivanovna        Ivanovna        Ivanovna        Ivanovna         Iwanowna
Михайловна      Mikhailovna     Mikhaylovna     Mixajlovna      Mikhailovna      Michailowna
Николаевна      Nikolaevna      Nikolayevna     Nikolaevna      Nikolaevna       Nikolajewna
Владимировна    Vladimirovna    Vladimirovna    Vladimirovna    Vladimirovna     Wladimirowna
Игоревна        Igorevna        Igorevna        Igorevna        Igorevna         Igorewna
Павловна        Pavlovna        Pavlovna        Pavlovna        Pavlovna         Pawlowna
Юрьевна         Iurevna         Yuryevna        Yurevna         Iourievna        Jurjewna
Олеговна        Olegovna        Olegovna        Olegovna        Olegovna         Olegowna
Викторовна      Viktorovna      Viktorovna      Viktorovna      Viktorovna       Wiktorowna
Романовна       Romanovna       Romanovna       Romanovna       Romanovna        Romanowna
Артёмовна       Artemovna       Artemovna       Artyomovna      Artemovna        Artjomowna
Денисовна       Denisovna       Denisovna       Denisovna       Denissovna       Denissowna
Константиновна  Konstantinovna  Konstantinovna  Konstantinovna  Konstantinovna   Konstantinowna
Антоновна       Antonovna       Antonovna       Antonovna       Antonovna        Antonowna
Васильевна      Vasilevna       Vasilyevna      Vasilevna       Vassilievna      Wassiljewna
Никитична       Nikitichna      Nikitichna      Nikitichna      Nikititchna      Nikititschna
Анатольевна     Anatolevna      Anatolyevna     Anatolevna      Anatolievna      Anatoljewna
Вячеславовна    Viacheslavovna  Vyacheslavovna  Vyacheslavovna  Viatcheslavovna  Wjatscheslawowna
Геннадьевна     Gennadevna      Gennadyevna     Gennadevna      Guennadievna     Gennadjewna
Кирилловна      Kirillovna      Kirillovna      Kirillovna      Kirillovna       Kirillowna
Фёдоровна       Fedorovna       Fedorovna       Fyodorovna      Fedorovna        Fjodorowna
Ильинична       Ilinichna       Ilinichna       Ilinichna       Ilinitchna       Iljinitschna
Григорьевна     Grigorevna      Grigoryevna     Grigorevna      Grigorievna      Grigorjewna
Петровна        Petrovna        Petrovna        Petrovna        Petrovna         Petrowna
Борисовна       Borisovna       Borisovna       Borisovna       Borissovna       Borissowna
Валерьевна      Valerevna       Valeryevna      Valerevna       Valerievna       Walerjewna
Станиславовна   Stanislavovna   Stanislavovna   Stanislavovna   Stanislavovna    Stanislawowna
Руслановна      Ruslanovna      Ruslanovna      Ruslanovna      Rouslanovna      Ruslanowna
""",
    RUSSIAN_SYSTEMS,
)

RUSSIAN_FEMALE_GIVEN = _cyrillic(
    """
Елена      Elena       Yelena      Elena       Elena        Jelena
Ольга      Olga        Olga        Olga        Olga         Olga
Наталья    Natalia     Natalya     Natalya     Natalia      Natalja
Татьяна    Tatiana     Tatyana     Tatyana     Tatiana      Tatjana
Ирина      Irina       Irina       Irina       Irina        Irina
Светлана   Svetlana    Svetlana    Svetlana    Svetlana     Swetlana
Анна       Anna        Anna        Anna        Anna         Anna
Мария      Mariia      Mariya      Mariya      Mariia       Marija
Екатерина  Ekaterina   Yekaterina  Ekaterina   Ekaterina    Jekaterina
Юлия       Iuliia      Yuliya      Yuliya      Iouliia      Julija
Анастасия  Anastasiia  Anastasiya  Anastasiya  Anastassiia  Anastassija
Людмила    Liudmila    Lyudmila    Lyudmila    Lioudmila    Ljudmila
Галина     Galina      Galina      Galina      Galina       Galina
Марина     Marina      Marina      Marina      Marina       Marina
Надежда    Nadezhda    Nadezhda    Nadezhda    Nadejda      Nadeschda
Оксана     Oksana      Oksana      Oksana      Oxana        Oxana
Валентина  Valentina   Valentina   Valentina   Valentina    Walentina
Дарья      Daria       Darya       Darya       Daria        Darja
Ксения     Kseniia     Kseniya     Kseniya     Xeniia       Xenija
Алёна      Alena       Alena       Alyona      Alena        Aljona
Евгения    Evgeniia    Yevgeniya   Evgeniya    Evgueniia    Jewgenija
Виктория   Viktoriia   Viktoriya   Viktoriya   Viktoriia    Wiktorija
Полина     Polina      Polina      Polina      Polina       Polina
Софья      Sofia       Sofya       Sofya       Sofia        Sofja
Любовь     Liubov      Lyubov      Lyubov      Lioubov      Ljubow
Вера       Vera        Vera        Vera        Vera         Wera
Лариса     Larisa      Larisa      Larisa      Larissa      Larissa
Алина      Alina       Alina       Alina       Alina        Alina
Кристина   Kristina    Kristina    Kristina    Kristina     Kristina
Жанна      Zhanna      Zhanna      Zhanna      Janna        Schanna
""",
    RUSSIAN_SYSTEMS,
    sex="F",
)

RUSSIAN_SURNAMES = _cyrillic(
    """
Иванов       Ivanov       Ivanov       Ivanov       Ivanov        Iwanow
Смирнов      Smirnov      Smirnov      Smirnov      Smirnov       Smirnow
Кузнецов     Kuznetsov    Kuznetsov    Kuzneczov    Kouznetsov    Kusnezow
Попов        Popov        Popov        Popov        Popov         Popow
Васильев     Vasilev      Vasilyev     Vasilev      Vassiliev     Wassiljew
Петров       Petrov       Petrov       Petrov       Petrov        Petrow
Соколов      Sokolov      Sokolov      Sokolov      Sokolov       Sokolow
Михайлов     Mikhailov    Mikhaylov    Mixajlov     Mikhailov     Michailow
Новиков      Novikov      Novikov      Novikov      Novikov       Nowikow
Фёдоров      Fedorov      Fedorov      Fyodorov     Fedorov       Fjodorow
Морозов      Morozov      Morozov      Morozov      Morozov       Morosow
Волков       Volkov       Volkov       Volkov       Volkov        Wolkow
Алексеев     Alekseev     Alekseyev    Alekseev     Alexeev       Alexejew
Лебедев      Lebedev      Lebedev      Lebedev      Lebedev       Lebedew
Семёнов      Semenov      Semenov      Semyonov     Semenov       Semjonow
Егоров       Egorov       Yegorov      Egorov       Egorov        Jegorow
Павлов       Pavlov       Pavlov       Pavlov       Pavlov        Pawlow
Козлов       Kozlov       Kozlov       Kozlov       Kozlov        Koslow
Степанов     Stepanov     Stepanov     Stepanov     Stepanov      Stepanow
Николаев     Nikolaev     Nikolayev    Nikolaev     Nikolaev      Nikolajew
Орлов        Orlov        Orlov        Orlov        Orlov         Orlow
Андреев      Andreev      Andreyev     Andreev      Andreev       Andrejew
Макаров      Makarov      Makarov      Makarov      Makarov       Makarow
Никитин      Nikitin      Nikitin      Nikitin      Nikitine      Nikitin
Захаров      Zakharov     Zakharov     Zaxarov      Zakharov      Sacharow
Зайцев       Zaitsev      Zaytsev      Zajcev       Zaitsev       Saizew
Соловьёв     Solovev      Solovyev     Solovyov     Solovev       Solowjow
Борисов      Borisov      Borisov      Borisov      Borissov      Borissow
Яковлев      Iakovlev     Yakovlev     Yakovlev     Iakovlev      Jakowlew
Григорьев    Grigorev     Grigoryev    Grigorev     Grigoriev     Grigorjew
Романов      Romanov      Romanov      Romanov      Romanov       Romanow
Воробьёв     Vorobev      Vorobyev     Vorobyov     Vorobev       Worobjow
Сергеев      Sergeev      Sergeyev     Sergeev      Sergueev      Sergejew
Кузьмин      Kuzmin       Kuzmin       Kuzmin       Kouzmine      Kusmin
Фролов       Frolov       Frolov       Frolov       Frolov        Frolow
Александров  Aleksandrov  Aleksandrov  Aleksandrov  Alexandrov    Alexandrow
Дмитриев     Dmitriev     Dmitriyev    Dmitriev     Dmitriev      Dmitrijew
Королёв      Korolev      Korolev      Korolyov     Korolev       Koroljow
Гусев        Gusev        Gusev        Gusev        Goussev       Gussew
Киселёв      Kiselev      Kiselev      Kiselyov     Kisselev      Kisseljow
Ильин        Ilin         Ilin         Ilin         Iline         Iljin
Максимов     Maksimov     Maksimov     Maksimov     Maximov       Maximow
Поляков      Poliakov     Polyakov     Polyakov     Poliakov      Poljakow
Сорокин      Sorokin      Sorokin      Sorokin      Sorokine      Sorokin
Виноградов   Vinogradov   Vinogradov   Vinogradov   Vinogradov    Winogradow
Ковалёв      Kovalev      Kovalev      Kovalyov     Kovalev       Kowaljow
Белов        Belov        Belov        Belov        Belov         Below
Медведев     Medvedev     Medvedev     Medvedev     Medvedev      Medwedew
Антонов      Antonov      Antonov      Antonov      Antonov       Antonow
Тарасов      Tarasov      Tarasov      Tarasov      Tarassov      Tarassow
Жуков        Zhukov       Zhukov       Zhukov       Joukov        Schukow
Баранов      Baranov      Baranov      Baranov      Baranov       Baranow
Щербаков     Shcherbakov  Shcherbakov  Shherbakov   Chtcherbakov  Schtscherbakow
Хрущёв       Khrushchev   Khrushchev   Xrushhyov    Khrouchtchev  Chruschtschow
Чернышёв     Chernyshev   Chernyshev   Chernyshyov  Tchernychev   Tschernyschow
Цветков      Tsvetkov     Tsvetkov     Czvetkov     Tsvetkov      Zwetkow
Кудрявцев    Kudriavtsev  Kudryavtsev  Kudryavcev   Koudriavtsev  Kudrjawzew
Журавлёв     Zhuravlev    Zhuravlev    Zhuravlyov   Jouravlev     Schurawljow
Овчинников   Ovchinnikov  Ovchinnikov  Ovchinnikov  Ovtchinnikov  Owtschinnikow
Высоцкий     Vysotskii    Vysotskiy    Vysoczkij    Vyssotskii    Wyssozki
Ковалевский  Kovalevskii  Kovalevskiy  Kovalevskij  Kovalevskii   Kowalewski
Покровский   Pokrovskii   Pokrovskiy   Pokrovskij   Pokrovskii    Pokrowski
Троицкий     Troitskii    Troitskiy    Troiczkij    Troitskii     Troizki
Толстой      Tolstoi      Tolstoy      Tolstoj      Tolstoi       Tolstoi
""",
    RUSSIAN_SYSTEMS,
)

RUSSIAN_FEMALE_SURNAMES = _cyrillic(
    """
Иванова       Ivanova       Ivanova       Ivanova       Ivanova        Iwanowa
Смирнова      Smirnova      Smirnova      Smirnova      Smirnova       Smirnowa
Кузнецова     Kuznetsova    Kuznetsova    Kuzneczova    Kouznetsova    Kusnezowa
Попова        Popova        Popova        Popova        Popova         Popowa
Васильева     Vasileva      Vasilyeva     Vasileva      Vassilieva     Wassiljewa
Петрова       Petrova       Petrova       Petrova       Petrova        Petrowa
Соколова      Sokolova      Sokolova      Sokolova      Sokolova       Sokolowa
Михайлова     Mikhailova    Mikhaylova    Mixajlova     Mikhailova     Michailowa
Новикова      Novikova      Novikova      Novikova      Novikova       Nowikowa
Фёдорова      Fedorova      Fedorova      Fyodorova     Fedorova       Fjodorowa
Морозова      Morozova      Morozova      Morozova      Morozova       Morosowa
Волкова       Volkova       Volkova       Volkova       Volkova        Wolkowa
Алексеева     Alekseeva     Alekseyeva    Alekseeva     Alexeeva       Alexejewa
Лебедева      Lebedeva      Lebedeva      Lebedeva      Lebedeva       Lebedewa
Семёнова      Semenova      Semenova      Semyonova     Semenova       Semjonowa
Егорова       Egorova       Yegorova      Egorova       Egorova        Jegorowa
Павлова       Pavlova       Pavlova       Pavlova       Pavlova        Pawlowa
Козлова       Kozlova       Kozlova       Kozlova       Kozlova        Koslowa
Степанова     Stepanova     Stepanova     Stepanova     Stepanova      Stepanowa
Николаева     Nikolaeva     Nikolayeva    Nikolaeva     Nikolaeva      Nikolajewa
Орлова        Orlova        Orlova        Orlova        Orlova         Orlowa
Андреева      Andreeva      Andreyeva     Andreeva      Andreeva       Andrejewa
Макарова      Makarova      Makarova      Makarova      Makarova       Makarowa
Никитина      Nikitina      Nikitina      Nikitina      Nikitina       Nikitina
Захарова      Zakharova     Zakharova     Zaxarova      Zakharova      Sacharowa
Зайцева       Zaitseva      Zaytseva      Zajceva       Zaitseva       Saizewa
Соловьёва     Soloveva      Solovyeva     Solovyova     Soloveva       Solowjowa
Борисова      Borisova      Borisova      Borisova      Borissova      Borissowa
Яковлева      Iakovleva     Yakovleva     Yakovleva     Iakovleva      Jakowlewa
Григорьева    Grigoreva     Grigoryeva    Grigoreva     Grigorieva     Grigorjewa
Романова      Romanova      Romanova      Romanova      Romanova       Romanowa
Воробьёва     Vorobeva      Vorobyeva     Vorobyova     Vorobeva       Worobjowa
Сергеева      Sergeeva      Sergeyeva     Sergeeva      Sergueeva      Sergejewa
Кузьмина      Kuzmina       Kuzmina       Kuzmina       Kouzmina       Kusmina
Фролова       Frolova       Frolova       Frolova       Frolova        Frolowa
Александрова  Aleksandrova  Aleksandrova  Aleksandrova  Alexandrova    Alexandrowa
Дмитриева     Dmitrieva     Dmitriyeva    Dmitrieva     Dmitrieva      Dmitrijewa
Королёва      Koroleva      Koroleva      Korolyova     Koroleva       Koroljowa
Гусева        Guseva        Guseva        Guseva        Gousseva       Gussewa
Киселёва      Kiseleva      Kiseleva      Kiselyova     Kisseleva      Kisseljowa
Ильина        Ilina         Ilina         Ilina         Ilina          Iljina
Максимова     Maksimova     Maksimova     Maksimova     Maximova       Maximowa
Полякова      Poliakova     Polyakova     Polyakova     Poliakova      Poljakowa
Сорокина      Sorokina      Sorokina      Sorokina      Sorokina       Sorokina
Виноградова   Vinogradova   Vinogradova   Vinogradova   Vinogradova    Winogradowa
Ковалёва      Kovaleva      Kovaleva      Kovalyova     Kovaleva       Kowaljowa
Белова        Belova        Belova        Belova        Belova         Belowa
Медведева     Medvedeva     Medvedeva     Medvedeva     Medvedeva      Medwedewa
Антонова      Antonova      Antonova      Antonova      Antonova       Antonowa
Тарасова      Tarasova      Tarasova      Tarasova      Tarassova      Tarassowa
Жукова        Zhukova       Zhukova       Zhukova       Joukova        Schukowa
Баранова      Baranova      Baranova      Baranova      Baranova       Baranowa
Щербакова     Shcherbakova  Shcherbakova  Shherbakova   Chtcherbakova  Schtscherbakowa
Хрущёва       Khrushcheva   Khrushcheva   Xrushhyova    Khrouchtcheva  Chruschtschowa
Чернышёва     Chernysheva   Chernysheva   Chernyshyova  Tchernycheva   Tschernyschowa
Цветкова      Tsvetkova     Tsvetkova     Czvetkova     Tsvetkova      Zwetkowa
Кудрявцева    Kudriavtseva  Kudryavtseva  Kudryavceva   Koudriavtseva  Kudrjawzewa
Журавлёва     Zhuravleva    Zhuravleva    Zhuravlyova   Jouravleva     Schurawljowa
Овчинникова   Ovchinnikova  Ovchinnikova  Ovchinnikova  Ovtchinnikova  Owtschinnikowa
Высоцкая      Vysotskaia    Vysotskaya    Vysoczkaya    Vyssotskaia    Wyssozkaja
Ковалевская   Kovalevskaia  Kovalevskaya  Kovalevskaya  Kovalevskaia   Kowalewskaja
Покровская    Pokrovskaia   Pokrovskaya   Pokrovskaya   Pokrovskaia    Pokrowskaja
Троицкая      Troitskaia    Troitskaya    Troiczkaya    Troitskaia     Troizkaja
Толстая       Tolstaia      Tolstaya      Tolstaya      Tolstaia       Tolstaja
""",
    RUSSIAN_SYSTEMS,
)

UKRAINIAN_MALE_GIVEN = _cyrillic(
    """
Олександр  Oleksandr  Oleksandr
Сергій     Serhii     Sergii
Андрій     Andrii     Andrii
Володимир  Volodymyr  Volodymyr
Дмитро     Dmytro     Dmytro
Олег       Oleh       Oleg
Юрій       Yurii      Iurii
Віктор     Viktor     Viktor
Микола     Mykola     Mykola
Іван       Ivan       Ivan
Василь     Vasyl      Vasyl
Михайло    Mykhailo   Mykhailo
Петро      Petro      Petro
Богдан     Bohdan     Bogdan
Тарас      Taras      Taras
Ігор       Ihor       Igor
Євген      Yevhen     Ievgen
Максим     Maksym     Maksym
Віталій    Vitalii    Vitalii
Ярослав    Yaroslav   Iaroslav
""",
    UKRAINIAN_SYSTEMS,
    sex="M",
)

UKRAINIAN_FEMALE_GIVEN = _cyrillic(
    """
Олена     Olena      Olena
Ольга     Olha       Olga
Наталія   Nataliia   Nataliia
Тетяна    Tetiana    Tetiana
Ірина     Iryna      Iryna
Світлана  Svitlana   Svitlana
Юлія      Yuliia     Iuliia
Оксана    Oksana     Oksana
Людмила   Liudmyla   Liudmyla
Галина    Halyna     Galyna
Марія     Mariia     Mariia
Анна      Anna       Anna
Катерина  Kateryna   Kateryna
Вікторія  Viktoriia  Viktoriia
Ганна     Hanna      Ganna
Надія     Nadiia     Nadiia
""",
    UKRAINIAN_SYSTEMS,
    sex="F",
)

UKRAINIAN_SURNAMES = _cyrillic(
    """
Мельник     Melnyk       Melnyk
Шевченко    Shevchenko   Shevchenko
Коваленко   Kovalenko    Kovalenko
Бондаренко  Bondarenko   Bondarenko
Бойко       Boiko        Boiko
Ткаченко    Tkachenko    Tkachenko
Кравченко   Kravchenko   Kravchenko
Ковальчук   Kovalchuk    Kovalchuk
Коваль      Koval        Koval
Олійник     Oliinyk      Oliinyk
Шевчук      Shevchuk     Shevchuk
Поліщук     Polishchuk   Polishchuk
Бондар      Bondar       Bondar
Ткачук      Tkachuk      Tkachuk
Марченко    Marchenko    Marchenko
Лисенко     Lysenko      Lysenko
Руденко     Rudenko      Rudenko
Савченко    Savchenko    Savchenko
Петренко    Petrenko     Petrenko
Клименко    Klymenko     Klymenko
Павленко    Pavlenko     Pavlenko
Кравчук     Kravchuk     Kravchuk
Мороз       Moroz        Moroz
Левченко    Levchenko    Levchenko
Харченко    Kharchenko   Kharchenko
Гончаренко  Honcharenko  Goncharenko
Карпенко    Karpenko     Karpenko
Зінченко    Zinchenko    Zinchenko
Литвиненко  Lytvynenko   Lytvynenko
Мельничук   Melnychuk    Melnychuk
""",
    UKRAINIAN_SYSTEMS,
)

BELARUSIAN_MALE_GIVEN = _cyrillic(
    """
Аляксандр  Aliaksandr  Alyaksandr
Сяргей     Siarhei     Syarhey
Андрэй     Andrei      Andrey
Дзмітрый   Dzmitryi    Dzmitryy
Уладзімір  Uladzimir   Uladzimir
Алег       Aleh        Aleh
Юрый       Iuryi       Yuryy
Віктар     Viktar      Viktar
Мікалай    Mikalai     Mikalay
Іван       Ivan        Ivan
Павел      Pavel       Pavel
Міхаіл     Mikhail     Mikhail
""",
    BELARUSIAN_SYSTEMS,
    sex="M",
)

BELARUSIAN_FEMALE_GIVEN = _cyrillic(
    """
Алена     Alena       Alena
Вольга    Volha       Volha
Наталля   Natallia    Natallya
Таццяна   Tatstsiana  Tatstsyana
Ірына     Iryna       Iryna
Святлана  Sviatlana   Svyatlana
Юлія      Iuliia      Yuliya
Марына    Maryna      Maryna
Ганна     Hanna       Hanna
Вікторыя  Viktoryia   Viktoryya
""",
    BELARUSIAN_SYSTEMS,
    sex="F",
)

BELARUSIAN_SURNAMES = _cyrillic(
    """
Лукашэнка  Lukashenka   Lukashenka
Новік      Novik        Novik
Мельнік    Melnik       Melnik
Жук        Zhuk         Zhuk
Кравец     Kravets      Kravets
Макарэвіч  Makarevich   Makarevich
Радзевіч   Radzevich    Radzevich
Дашкевіч   Dashkevich   Dashkevich
Пазняк     Pazniak      Paznyak
Шушкевіч   Shushkevich  Shushkevich
Навумчык   Navumchyk    Navumchyk
Бабарыка   Babaryka     Babaryka
Кавалёў    Kavaliou     Kavalyow
Іваноў     Ivanou       Ivanow
Казлоў     Kazlou       Kazlow
Кузняцоў   Kuzniatsou   Kuznyatsow
""",
    BELARUSIAN_SYSTEMS,
)

BELARUSIAN_FEMALE_SURNAMES = _cyrillic(
    """
Лукашэнка  Lukashenka   Lukashenka
Новік      Novik        Novik
Мельнік    Melnik       Melnik
Жук        Zhuk         Zhuk
Кравец     Kravets      Kravets
Макарэвіч  Makarevich   Makarevich
Радзевіч   Radzevich    Radzevich
Дашкевіч   Dashkevich   Dashkevich
Пазняк     Pazniak      Paznyak
Шушкевіч   Shushkevich  Shushkevich
Навумчык   Navumchyk    Navumchyk
Бабарыка   Babaryka     Babaryka
Кавалёва   Kavaliova    Kavalyova
Іванова    Ivanova      Ivanova
Казлова    Kazlova      Kazlova
Кузняцова  Kuzniatsova  Kuznyatsova
""",
    BELARUSIAN_SYSTEMS,
)

# -- Arabic -------------------------------------------------------------------------------------

ARABIC_MALE_GIVEN = _listed(
    """
محمد | Mohammed, Muhammad, Mohamed, Mohammad, Mohamad, Muhammed
أحمد | Ahmed, Ahmad
علي | Ali
حسن | Hassan, Hasan
حسين | Hussein, Hussain, Husayn, Hossein
عبد الله | Abdullah, Abdallah, Abdulla, Abd Allah
عمر | Omar, Umar
خالد | Khaled, Khalid
يوسف | Youssef, Yousef, Yusuf, Youssouf
إبراهيم | Ibrahim, Ebrahim, Brahim
مصطفى | Mustafa, Mostafa, Moustafa
محمود | Mahmoud, Mahmud, Mahmood
عبد الرحمن | Abdulrahman, Abdel Rahman, Abderrahmane, Abdul Rahman
سعيد | Said, Saeed, Saied
كريم | Karim, Kareem
طارق | Tarek, Tariq, Tarik
سامي | Sami, Samy
فيصل | Faisal, Faysal, Fayssal
ناصر | Nasser, Nasir, Naser
جمال | Jamal, Gamal, Djamel
رشيد | Rachid, Rashid, Rasheed
صالح | Saleh, Salih
صلاح | Salah, Salaheddine
عادل | Adel, Adil
ماجد | Majid, Majed, Maged
وليد | Walid, Waleed
حمزة | Hamza, Hamzah
بلال | Bilal
زياد | Ziad, Ziyad
أنس | Anas
إسماعيل | Ismail, Ismael, Esmail
عثمان | Othman, Osman, Uthman
منصور | Mansour, Mansur, Mansoor
نبيل | Nabil, Nabeel
هشام | Hisham, Hicham, Hesham
ياسين | Yassin, Yacine, Yasin
أيمن | Ayman, Aymen
عماد | Imad, Emad
رامي | Rami, Ramy
سليمان | Suleiman, Sulaiman, Soliman, Slimane
قاسم | Qasim, Kassem, Qassem, Kacem
""",
    "usual",
    sex="M",
)

ARABIC_FEMALE_GIVEN = _listed(
    """
فاطمة | Fatima, Fatma, Fatimah
عائشة | Aisha, Aicha, Aysha
مريم | Maryam, Mariam, Meriem
زينب | Zainab, Zaynab, Zeinab
خديجة | Khadija, Khadidja, Khadeeja
نور | Nour, Noor, Nur
سارة | Sara, Sarah
ليلى | Layla, Leila, Laila
آمنة | Amina, Aminah, Amna
هدى | Huda, Hoda
سلمى | Salma, Selma
رانيا | Rania, Ranya
ياسمين | Yasmin, Yasmine
أسماء | Asma, Asmaa
حليمة | Halima, Halimah
سمية | Sumaya, Soumaya, Somaya
نادية | Nadia, Nadya
سعاد | Souad, Suad, Soad
هالة | Hala
منى | Mona, Muna
""",
    "usual",
    sex="F",
)

# Family names written with the article ال in Arabic; the Latin spellings are of the stem.
ARABIC_FAMILY_WITH_ARTICLE = _listed(
    """
القحطاني | Qahtani, Kahtani
العتيبي | Otaibi, Otaybi, Utaybi
الدوسري | Dosari, Dossary, Dawsari
الغامدي | Ghamdi
الزهراني | Zahrani
الشمري | Shammari, Shamari
العنزي | Anazi, Enezi, Anzi
التميمي | Tamimi
الجبوري | Jubouri, Juburi, Jabouri
الدليمي | Dulaimi, Dulaymi
العبيدي | Obaidi, Ubaidi
الكبيسي | Kubaisi, Kubaysi
البغدادي | Baghdadi
الحلبي | Halabi
المصري | Masri, Masry
الشامي | Shami, Chami
الهاشمي | Hashimi, Hashemi, Hachemi
الحسيني | Husseini, Husaini, Hussaini
العمري | Omari, Umari
الخطيب | Khatib, Khateeb
النجار | Najjar, Naggar
السيد | Sayed, Sayyid
الرفاعي | Rifai, Refaai
العلي | Ali
""",
    "usual",
)

ARABIC_FAMILY = _listed(
    """
حداد | Haddad
خوري | Khoury, Khouri, Khuri
ناصر | Nasser, Nasir
منصور | Mansour, Mansur
حسين | Hussein, Hussain
إبراهيم | Ibrahim
عبد الله | Abdullah, Abdallah
صالح | Saleh, Salih
عثمان | Osman, Othman
يوسف | Youssef, Yousef
سليمان | Suleiman, Soliman
قاسم | Qasim, Kassem
خليل | Khalil
عباس | Abbas
درويش | Darwish, Derouiche
زيدان | Zidane, Zeidan, Zaydan
حمدان | Hamdan
مراد | Mourad, Murad
شريف | Sharif, Cherif
عواد | Awad, Aouad
عيسى | Issa, Eissa, Isa
موسى | Moussa, Musa, Mousa
بن علي | Ben Ali, Benali, Bin Ali
بن سالم | Ben Salem, Bensalem
بوعزيزي | Bouazizi
""",
    "usual",
)

# Arabic letters after which the article's l assimilates (al-Shami -> ash-Shami).
ARABIC_SUN_LETTERS: Final = frozenset("تثدذرزسشصضطظلن")

# -- Chinese ------------------------------------------------------------------------------------
# Surnames: Han (simplified), pinyin, Wade-Giles (Taiwanese passports), Hong Kong Cantonese.

CHINESE_SURNAMES = _han(
    """
王 Wang Wang Wong
李 Li Li Lee
张 Zhang Chang Cheung
刘 Liu Liu Lau
陈 Chen Chen Chan
杨 Yang Yang Yeung
黄 Huang Huang Wong
赵 Zhao Chao Chiu
吴 Wu Wu Ng
周 Zhou Chou Chow
徐 Xu Hsu Tsui
孙 Sun Sun Suen
马 Ma Ma Ma
朱 Zhu Chu Chu
胡 Hu Hu Wu
郭 Guo Kuo Kwok
何 He Ho Ho
高 Gao Kao Ko
林 Lin Lin Lam
罗 Luo Lo Law
郑 Zheng Cheng Cheng
梁 Liang Liang Leung
谢 Xie Hsieh Tse
宋 Song Sung Sung
唐 Tang Tang Tong
许 Xu Hsu Hui
韩 Han Han Hon
冯 Feng Feng Fung
邓 Deng Teng Tang
曹 Cao Tsao Tso
彭 Peng Peng Pang
曾 Zeng Tseng Tsang
肖 Xiao Hsiao Siu
田 Tian Tien Tin
董 Dong Tung Tung
袁 Yuan Yuan Yuen
潘 Pan Pan Poon
于 Yu Yu Yu
蒋 Jiang Chiang Tseung
蔡 Cai Tsai Choi
余 Yu Yu Yue
杜 Du Tu To
叶 Ye Yeh Yip
程 Cheng Cheng Ching
苏 Su Su So
魏 Wei Wei Ngai
吕 Lyu Lu Lui
丁 Ding Ting Ting
任 Ren Jen Yam
沈 Shen Shen Sham
姚 Yao Yao Yiu
卢 Lu Lu Lo
钟 Zhong Chung Chung
谭 Tan Tan Tam
陆 Lu Lu Luk
汪 Wang Wang Wong
范 Fan Fan Fan
金 Jin Chin Kam
石 Shi Shih Shek
廖 Liao Liao Liu
贾 Jia Chia Ka
夏 Xia Hsia Ha
方 Fang Fang Fong
白 Bai Pai Pak
邹 Zou Tsou Chau
熊 Xiong Hsiung Hung
邱 Qiu Chiu Yau
江 Jiang Chiang Kong
"""
)

# Given-name syllables: Han, pinyin, Wade-Giles, Cantonese, and the sex the syllable is
# mostly given to (M, F) where it leans to one.
CHINESE_GIVEN_SYLLABLES = _han(
    """
伟 Wei Wei Wai M
芳 Fang Fang Fong F
娜 Na Na Na F
敏 Min Min Man F
静 Jing Ching Ching F
丽 Li Li Lai F
强 Qiang Chiang Keung M
磊 Lei Lei Lui M
军 Jun Chun Kwan M
洋 Yang Yang Yeung M
勇 Yong Yung Yung M
艳 Yan Yen Yim F
杰 Jie Chieh Kit M
娟 Juan Chuan Kuen F
涛 Tao Tao To M
明 Ming Ming Ming M
超 Chao Chao Chiu M
秀 Xiu Hsiu Sau F
霞 Xia Hsia Ha F
平 Ping Ping Ping M
刚 Gang Kang Kong M
桂 Gui Kuei Kwai F
英 Ying Ying Ying F
华 Hua Hua Wa M
玉 Yu Yu Yuk F
兰 Lan Lan Lan F
文 Wen Wen Man M
辉 Hui Hui Fai M
建 Jian Chien Kin M
国 Guo Kuo Kwok M
红 Hong Hung Hung F
晓 Xiao Hsiao Hiu F
海 Hai Hai Hoi M
鹏 Peng Peng Pang M
飞 Fei Fei Fei M
宇 Yu Yu Yu M
浩 Hao Hao Ho M
俊 Jun Chun Chun M
鑫 Xin Hsin Yam M
斌 Bin Pin Pan M
波 Bo Po Po M
宁 Ning Ning Ning M
志 Zhi Chih Chi M
峰 Feng Feng Fung M
亮 Liang Liang Leung M
婷 Ting Ting Ting F
雪 Xue Hsueh Suet F
慧 Hui Hui Wai F
琳 Lin Lin Lam F
颖 Ying Ying Wing F
佳 Jia Chia Kai F
欣 Xin Hsin Yan F
梅 Mei Mei Mui F
燕 Yan Yen Yin F
春 Chun Chun Chun F
东 Dong Tung Tung M
成 Cheng Cheng Shing M
新 Xin Hsin San M
嘉 Jia Chia Ka F
子 Zi Tzu Tsz M
怡 Yi Yi Yi F
思 Si Ssu Sze F
雨 Yu Yu Yu F
晨 Chen Chen San M
博 Bo Po Pok M
天 Tian Tien Tin M
德 De Te Tak M
振 Zhen Chen Chun M
"""
)

# -- Greek --------------------------------------------------------------------------------------
# Columns: Greek | ELOT 743 | attested other spellings. Feminine surnames follow the masculine
# table row by row (-ος -> -ου, -ης -> -η, -ας -> -α; genitive surnames do not change).

GREEK_MALE_GIVEN = _greek(
    """
Γεώργιος | Georgios | Yeoryios
Δημήτριος | Dimitrios | Demetrios, Dhimitrios
Κωνσταντίνος | Konstantinos | Constantinos, Konstandinos
Ιωάννης | Ioannis | Ioannes
Νικόλαος | Nikolaos | Nicolaos
Παναγιώτης | Panagiotis | Panayiotis, Panagiotes
Χρήστος | Christos | Hristos, Khristos
Βασίλειος | Vasileios | Vasilios, Vassilios
Αθανάσιος | Athanasios | Athanassios
Μιχαήλ | Michail | Michael, Mikhail
Ευάγγελος | Evangelos | Evaggelos
Σπυρίδων | Spyridon | Spiridon
Αντώνιος | Antonios | Andonios
Ηλίας | Ilias | Elias
Θεόδωρος | Theodoros |
Χαράλαμπος | Charalampos | Charalambos, Haralambos
Ελευθέριος | Eleftherios | Eleutherios
Σταύρος | Stavros |
Κυριάκος | Kyriakos | Kyriacos, Kiriakos
Αλέξανδρος | Alexandros | Aleksandros
"""
)

GREEK_FEMALE_GIVEN = _greek(
    """
Μαρία | Maria |
Ελένη | Eleni |
Αικατερίνη | Aikaterini | Ekaterini
Βασιλική | Vasiliki | Vassiliki
Σοφία | Sofia | Sophia
Αγγελική | Angeliki | Aggeliki
Γεωργία | Georgia | Yeoryia
Δήμητρα | Dimitra | Demetra
Ευαγγελία | Evangelia | Evaggelia
Ιωάννα | Ioanna | Joanna
Κωνσταντίνα | Konstantina | Constantina
Παναγιώτα | Panagiota | Panayiota
Χριστίνα | Christina | Hristina
Αναστασία | Anastasia | Anastassia
Ειρήνη | Eirini | Irini
Θεοδώρα | Theodora |
"""
)

GREEK_SURNAMES = _greek(
    """
Παπαδόπουλος | Papadopoulos | Papadopulos
Παπαδάκης | Papadakis |
Παπαγεωργίου | Papageorgiou | Papageorgiu
Οικονόμου | Oikonomou | Economou, Ikonomou
Γεωργίου | Georgiou | Yeoryiou
Νικολάου | Nikolaou | Nicolaou
Παπανικολάου | Papanikolaou | Papanicolaou
Ιωάννου | Ioannou | Ioanou
Βασιλείου | Vasileiou | Vassiliou
Μακρής | Makris |
Αντωνίου | Antoniou | Andoniou
Δημητρίου | Dimitriou | Demetriou
Κωνσταντίνου | Konstantinou | Constantinou
Χριστοδούλου | Christodoulou | Hristodoulou
Αθανασίου | Athanasiou | Athanassiou
Παππάς | Pappas | Papas
Καραγιάννης | Karagiannis | Karayannis
Αλεξίου | Alexiou |
Μαυρίδης | Mavridis | Mavrides
Θεοδωρόπουλος | Theodoropoulos |
Κωνσταντόπουλος | Konstantopoulos | Constantopoulos
Σαμαράς | Samaras |
Βλάχος | Vlachos | Vlahos
Αναγνώστου | Anagnostou |
Μιχαηλίδης | Michailidis | Michaelides
Χατζηδάκης | Chatzidakis | Hatzidakis
Σπανός | Spanos |
Λαμπράκης | Lamprakis | Lambrakis
"""
)

GREEK_FEMALE_SURNAMES = _greek(
    """
Παπαδοπούλου | Papadopoulou | Papadopulu
Παπαδάκη | Papadaki |
Παπαγεωργίου | Papageorgiou | Papageorgiu
Οικονόμου | Oikonomou | Economou, Ikonomou
Γεωργίου | Georgiou | Yeoryiou
Νικολάου | Nikolaou | Nicolaou
Παπανικολάου | Papanikolaou | Papanicolaou
Ιωάννου | Ioannou | Ioanou
Βασιλείου | Vasileiou | Vassiliou
Μακρή | Makri |
Αντωνίου | Antoniou | Andoniou
Δημητρίου | Dimitriou | Demetriou
Κωνσταντίνου | Konstantinou | Constantinou
Χριστοδούλου | Christodoulou | Hristodoulou
Αθανασίου | Athanasiou | Athanassiou
Παππά | Pappa | Papa
Καραγιάννη | Karagianni | Karayanni
Αλεξίου | Alexiou |
Μαυρίδου | Mavridou |
Θεοδωροπούλου | Theodoropoulou |
Κωνσταντοπούλου | Konstantopoulou | Constantopoulou
Σαμαρά | Samara |
Βλάχου | Vlachou | Vlahou
Αναγνώστου | Anagnostou |
Μιχαηλίδου | Michailidou | Michaelidou
Χατζηδάκη | Chatzidaki | Hatzidaki
Σπανού | Spanou |
Λαμπράκη | Lampraki | Lambraki
"""
)

# -- Latin-script languages ---------------------------------------------------------------------

GERMAN_MALE_GIVEN = _words(
    "Peter, Michael, Thomas, Andreas, Wolfgang, Klaus, Jürgen, Stefan, Christian, Uwe, Frank, "
    "Markus, Matthias, Günter, Jörg, Lukas, Maximilian, Jonas, Felix, Tobias, Florian, "
    "Sebastian, Dieter, Horst, Björn, Jörn"
)
GERMAN_FEMALE_GIVEN = _words(
    "Ursula, Monika, Petra, Sabine, Renate, Helga, Karin, Brigitte, Susanne, Andrea, Julia, "
    "Anna, Lena, Laura, Katharina, Jutta, Bärbel, Käthe, Anja, Sophie, Hannah, Birgit, Jördis"
)
GERMAN_SURNAMES = _words(
    "Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann, "
    "Schäfer, Koch, Bauer, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann, "
    "Braun, Krüger, Hofmann, Hartmann, Lange, Schmitt, Werner, Schmitz, Krause, Meier, "
    "Lehmann, Köhler, Herrmann, König, Walter, Huber, Kaiser, Fuchs, Möller, Weiß, Jäger, "
    "Groß, Böhm, Krämer, Günther, Schubert, Vogel, Friedrich, Keller, Lorenz"
)
FRENCH_MALE_GIVEN = _words(
    "Jean, Pierre, Michel, André, Philippe, René, Louis, Alain, Jacques, Bernard, Marcel, "
    "Daniel, Roger, Claude, Christian, Henri, Nicolas, François, Patrick, Éric, Frédéric, "
    "Stéphane, Sébastien, Julien, Jérôme, Théo, Jean-Pierre, Jean-Luc"
)
FRENCH_FEMALE_GIVEN = _words(
    "Marie, Jeanne, Françoise, Monique, Catherine, Nathalie, Isabelle, Jacqueline, Anne, "
    "Sylvie, Martine, Madeleine, Nicole, Suzanne, Hélène, Christine, Sophie, Céline, Émilie, "
    "Chloé, Léa, Camille, Manon, Inès, Élodie, Zoé, Marie-Thérèse"
)
FRENCH_SURNAMES = _words(
    "Martin, Bernard, Thomas, Petit, Robert, Richard, Durand, Dubois, Moreau, Laurent, Simon, "
    "Michel, Lefèvre, Leroy, Roux, David, Bertrand, Morel, Fournier, Girard, Bonnet, Dupont, "
    "Lambert, Fontaine, Rousseau, Vincent, Lefebvre, Faure, André, Mercier, Blanc, Guérin, "
    "Boyer, Garnier, Chevalier, François, Legrand, Gauthier, Perrin, Robin, Clément, Morin, "
    "Rivière, Ménard, Prévost, Lemaître, Benoît, Noël, Léger, Hébert"
)
DUTCH_MALE_GIVEN = _words(
    "Jan, Johannes, Cornelis, Hendrik, Willem, Pieter, Gerrit, Jacobus, Dirk, Daan, Sem, Lucas, "
    "Bram, Thijs, Joost, Sander, Ruud, Maarten, Bas, Jeroen"
)
DUTCH_FEMALE_GIVEN = _words(
    "Maria, Johanna, Anna, Cornelia, Wilhelmina, Elisabeth, Sanne, Lotte, Emma, Julia, Anouk, "
    "Femke, Ingrid, Marieke, Eva, Fleur, Sophie, Ilse"
)
DUTCH_SURNAMES = _words(
    "de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser, Smit, Meijer, "
    "de Boer, Mulder, de Groot, Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker, Brouwer, "
    "de Wit, Dijkstra, Smits, de Graaf, van der Meer, van der Linden, Kok, Jacobs, de Haan, "
    "Vermeulen, van den Heuvel, van der Veen, van den Broek, de Bruijn, van der Heijden, "
    "Schouten, van Beek, Willems, van Vliet, Hoekstra"
)
POLISH_MALE_GIVEN = _words(
    "Jan, Andrzej, Piotr, Krzysztof, Stanisław, Tomasz, Paweł, Józef, Marcin, Marek, Michał, "
    "Grzegorz, Jerzy, Tadeusz, Adam, Łukasz, Zbigniew, Ryszard, Dariusz, Henryk, Mariusz, "
    "Kazimierz, Wojciech, Mateusz, Jakub"
)
POLISH_FEMALE_GIVEN = _words(
    "Anna, Maria, Katarzyna, Małgorzata, Agnieszka, Krystyna, Barbara, Ewa, Elżbieta, Zofia, "
    "Janina, Teresa, Joanna, Magdalena, Monika, Jadwiga, Danuta, Irena, Halina, Beata, "
    "Aleksandra, Marta, Dorota, Grażyna, Jolanta"
)
# Masculine forms; -ski/-cki/-dzki take -ska/-cka/-dzka for women, the others do not change.
POLISH_SURNAMES = _words(
    "Nowak, Kowalski, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, Zieliński, "
    "Szymański, Woźniak, Dąbrowski, Kozłowski, Jankowski, Mazur, Wojciechowski, Kwiatkowski, "
    "Krawczyk, Kaczmarek, Piotrowski, Grabowski, Zając, Pawłowski, Michalski, Król, Wieczorek, "
    "Jabłoński, Wróbel, Nowakowski, Majewski, Olszewski, Stępień, Malinowski, Jaworski, "
    "Adamczyk, Dudek, Nowicki, Pawlak, Górski, Witkowski, Walczak, Sikora, Baran, Rutkowski, "
    "Michalak, Szewczyk, Ostrowski, Tomaszewski, Pietrzak, Zalewski, Wróblewski"
)
