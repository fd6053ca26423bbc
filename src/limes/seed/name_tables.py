"""Common names and traveller shares of the nationalities in the synthetic population.

The names are common given names and surnames written by hand from public name-frequency
lists (national statistics and civil-registry offices: US SSA and Census Bureau, UK ONS,
Statistics Canada and the Institut de la statistique du Québec, IBGE, RENAPO, Statistics
Korea, Rosstat, TÜİK, Japan's MIC and the like). No dataset file is copied; the lists are
small samples meant to look plausible, not to reproduce frequencies.

Names are in their usual Latin form with diacritics, except RUS and UKR, which are in
Cyrillic as in the domestic passport; MRZ lines go through `limes.core.names`.

The traveller shares are rough orders of magnitude of third-country arrivals at the
Schengen external borders (Eurostat tourism statistics and Frontex reports), not figures.
"""

from dataclasses import dataclass
from typing import Final


def _names(text: str) -> tuple[str, ...]:
    """Comma-separated names; a name may hold spaces (Fatima Zahra, Dela Cruz)."""
    return tuple(name.strip() for name in text.split(",") if name.strip())


def _russian_feminine(surnames: tuple[str, ...]) -> tuple[str, ...]:
    """Russian surnames in -ов, -ев, -ёв and -ин take -а for women (Иванов -> Иванова)."""
    return tuple(
        name + "а" if name.endswith(("ов", "ев", "ёв", "ин", "ын")) else name for name in surnames
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class NameTable:
    """Common names of one nationality (ISO 3166 alpha-3) and its share of travellers.

    >>> NameTable(nationality="UTO", traveller_weight=1.0, male_given_names=("Lars",),
    ...           female_given_names=("Anna",), surnames=("Eriksson",))  # doctest: +ELLIPSIS
    NameTable(nationality='UTO', ...)
    """

    nationality: str
    traveller_weight: float
    male_given_names: tuple[str, ...]
    female_given_names: tuple[str, ...]
    surnames: tuple[str, ...]
    female_surnames: tuple[str, ...] = ()  # for gendered surnames; empty = `surnames`
    second_given_name_share: float = 0.0  # share of people with two given names
    double_surname_share: float = 0.0  # share with two surnames (Spanish, Portuguese usage)

    def surnames_for(self, *, female: bool) -> tuple[str, ...]:
        """The surnames a man or a woman of this nationality bears."""
        return self.female_surnames if female and self.female_surnames else self.surnames


_RUSSIAN_SURNAMES = _names(
    "Иванов, Смирнов, Кузнецов, Попов, Васильев, Петров, Соколов, Михайлов, Новиков, "
    "Фёдоров, Морозов, Волков, Алексеев, Лебедев, Семёнов, Егоров, Павлов, Козлов, "
    "Степанов, Николаев, Орлов, Зайцев, Соловьёв, Борисов"
)

NAME_TABLES: Final = (
    NameTable(
        nationality="GBR",
        traveller_weight=15.0,
        male_given_names=_names(
            "Oliver, George, Harry, Jack, Noah, Charlie, Jacob, Thomas, Oscar, William, James, "
            "Leo, Alfie, Joshua, Freddie, Arthur, Henry, Daniel, Samuel, Edward, Matthew, Paul"
        ),
        female_given_names=_names(
            "Olivia, Amelia, Isla, Ava, Emily, Sophie, Grace, Lily, Jessica, Charlotte, Poppy, "
            "Mia, Ella, Evie, Sarah, Emma, Rebecca, Hannah, Claire, Laura, Freya, Rachel"
        ),
        surnames=_names(
            "Smith, Jones, Taylor, Brown, Williams, Wilson, Johnson, Davies, Robinson, Wright, "
            "Thompson, Evans, Walker, White, Roberts, Green, Hall, Wood, Jackson, Clarke, "
            "Patel, Hughes, Edwards, Khan, Murphy, O'Brien"
        ),
        second_given_name_share=0.5,
    ),
    NameTable(
        nationality="USA",
        traveller_weight=12.0,
        male_given_names=_names(
            "James, Michael, Robert, John, David, William, Richard, Joseph, Thomas, "
            "Christopher, Daniel, Matthew, Anthony, Mark, Steven, Andrew, Joshua, Kevin, Brian, "
            "Ryan, Jacob, Ethan, Noah, Liam"
        ),
        female_given_names=_names(
            "Mary, Patricia, Jennifer, Linda, Elizabeth, Barbara, Susan, Jessica, Sarah, Karen, "
            "Emily, Ashley, Michelle, Amanda, Melissa, Emma, Olivia, Sophia, Madison, Hannah, "
            "Abigail, Nancy"
        ),
        surnames=_names(
            "Smith, Johnson, Williams, Brown, Jones, Garcia, Miller, Davis, Rodriguez, Martinez, "
            "Hernandez, Lopez, Wilson, Anderson, Thomas, Taylor, Moore, Jackson, Martin, Lee, "
            "Thompson, White, Harris, Clark, Lewis, Robinson, Walker, Young"
        ),
        second_given_name_share=0.6,
    ),
    NameTable(
        nationality="CAN",
        traveller_weight=3.0,
        male_given_names=_names(
            "Liam, Noah, William, Benjamin, Lucas, Logan, Jacob, Ethan, Nathan, Samuel, Olivier, "
            "Félix, Thomas, Alexandre, Gabriel, Jack, Owen, James, Mathieu, Ryan"
        ),
        female_given_names=_names(
            "Olivia, Emma, Charlotte, Amelia, Chloé, Léa, Sophia, Ava, Emily, Abigail, Alice, "
            "Florence, Zoé, Mia, Hannah, Sarah, Jessica, Isabelle, Geneviève"
        ),
        surnames=_names(
            "Smith, Brown, Tremblay, Martin, Roy, Wilson, MacDonald, Gagnon, Johnson, Taylor, "
            "Côté, Campbell, Anderson, Leblanc, Lee, Bouchard, Gauthier, Morin, Lavoie, Fortin, "
            "Thompson, Wong, Singh"
        ),
        second_given_name_share=0.5,
    ),
    NameTable(
        nationality="AUS",
        traveller_weight=3.0,
        male_given_names=_names(
            "Oliver, William, Jack, Noah, Thomas, James, Lachlan, Ethan, Lucas, Henry, Charlie, "
            "Cooper, Mason, Hudson, Liam, Samuel, Joshua, Matthew, Riley, Benjamin"
        ),
        female_given_names=_names(
            "Charlotte, Olivia, Amelia, Isla, Mia, Ava, Grace, Chloe, Ruby, Sophie, Zoe, Emily, "
            "Matilda, Harper, Jessica, Sarah, Georgia, Kate"
        ),
        surnames=_names(
            "Smith, Jones, Williams, Brown, Wilson, Taylor, Nguyen, Johnson, Martin, White, "
            "Anderson, Walker, Thompson, Thomas, Lee, Ryan, Kelly, King, Harris, Robinson"
        ),
        second_given_name_share=0.5,
    ),
    NameTable(
        nationality="JPN",
        traveller_weight=3.0,
        male_given_names=_names(
            "Hiroshi, Takashi, Kenji, Daisuke, Takuya, Kenta, Shota, Yuki, Haruto, Sota, Yuto, "
            "Ren, Minato, Riku, Kazuki, Naoki, Makoto, Satoshi, Tetsuya, Akira"
        ),
        female_given_names=_names(
            "Yoko, Keiko, Yuko, Akiko, Tomoko, Naoko, Yumi, Ayaka, Misaki, Haruka, Sakura, Yui, "
            "Himari, Mei, Aoi, Rin, Emi, Mai, Kaori"
        ),
        surnames=_names(
            "Sato, Suzuki, Takahashi, Tanaka, Watanabe, Ito, Yamamoto, Nakamura, Kobayashi, "
            "Kato, Yoshida, Yamada, Sasaki, Yamaguchi, Matsumoto, Inoue, Kimura, Hayashi, "
            "Shimizu, Yamazaki, Mori, Ikeda"
        ),
    ),
    NameTable(
        nationality="KOR",
        traveller_weight=2.0,
        # Written as one word, as Korean passports print them (HONG<<GILDONG).
        male_given_names=_names(
            "Minjun, Seojun, Doyun, Jiho, Hajun, Junseo, Jihoon, Hyunwoo, Sungmin, Donghyun, "
            "Jaehyun, Youngho, Sanghoon, Jinwoo, Taeyang, Woojin"
        ),
        female_given_names=_names(
            "Seoyeon, Jiwoo, Seoyun, Haeun, Minseo, Jiyu, Sua, Jimin, Eunji, Hyejin, Mikyung, "
            "Younghee, Soojin, Yuna, Jihye, Daeun"
        ),
        surnames=_names(
            "Kim, Lee, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Lim, Han, Oh, Seo, Shin, Kwon, "
            "Hwang, Ahn, Song, Yoo, Hong"
        ),
    ),
    NameTable(
        nationality="BRA",
        traveller_weight=3.0,
        male_given_names=_names(
            "José, João, Antônio, Francisco, Carlos, Paulo, Pedro, Lucas, Luiz, Marcos, Gabriel, "
            "Rafael, Daniel, Marcelo, Bruno, Eduardo, Felipe, Rodrigo, Gustavo, Miguel, Arthur"
        ),
        female_given_names=_names(
            "Maria, Ana, Francisca, Antônia, Adriana, Juliana, Márcia, Fernanda, Patrícia, "
            "Aline, Sandra, Camila, Amanda, Bruna, Jéssica, Letícia, Júlia, Beatriz, Larissa, "
            "Mariana"
        ),
        surnames=_names(
            "Silva, Santos, Oliveira, Souza, Rodrigues, Ferreira, Alves, Pereira, Lima, Gomes, "
            "Costa, Ribeiro, Martins, Carvalho, Almeida, Lopes, Soares, Fernandes, Vieira, "
            "Barbosa, Rocha, Dias, Nascimento, Araújo"
        ),
        second_given_name_share=0.4,
        double_surname_share=0.5,
    ),
    NameTable(
        nationality="MEX",
        traveller_weight=2.0,
        male_given_names=_names(
            "José, Juan, Luis, Carlos, Jesús, Miguel, Francisco, Alejandro, Jorge, Pedro, "
            "Manuel, Antonio, Ricardo, Fernando, Eduardo, Roberto, Javier, Daniel, Santiago, "
            "Mateo"
        ),
        female_given_names=_names(
            "María, Guadalupe, Juana, Margarita, Verónica, Leticia, Rosa, Patricia, Elizabeth, "
            "Alejandra, Gabriela, Adriana, Mariana, Fernanda, Daniela, Sofía, Ximena, Valeria, "
            "Camila, Regina"
        ),
        surnames=_names(
            "Hernández, García, Martínez, López, González, Pérez, Rodríguez, Sánchez, Ramírez, "
            "Cruz, Flores, Gómez, Morales, Vázquez, Reyes, Jiménez, Torres, Díaz, Gutiérrez, "
            "Ruiz, Mendoza, Aguilar, Ortiz, Castillo"
        ),
        second_given_name_share=0.4,
        double_surname_share=0.85,
    ),
    NameTable(
        nationality="ARG",
        traveller_weight=1.5,
        male_given_names=_names(
            "Juan, Carlos, Jorge, Luis, Daniel, Roberto, Miguel, José, Diego, Martín, Pablo, "
            "Alejandro, Sebastián, Matías, Nicolás, Santiago, Facundo, Lucas, Gonzalo, Federico"
        ),
        female_given_names=_names(
            "María, Ana, Silvia, Graciela, Laura, Claudia, Marcela, Gabriela, Florencia, Lucía, "
            "Sofía, Valentina, Camila, Agustina, Martina, Julieta, Micaela, Carolina, Paula"
        ),
        surnames=_names(
            "González, Rodríguez, Gómez, Fernández, López, Díaz, Martínez, Pérez, García, "
            "Sánchez, Romero, Sosa, Torres, Álvarez, Ruiz, Ramírez, Flores, Benítez, Acosta, "
            "Medina, Herrera, Suárez, Aguirre, Giménez"
        ),
        second_given_name_share=0.35,
        double_surname_share=0.1,
    ),
    NameTable(
        nationality="SRB",
        traveller_weight=4.0,
        male_given_names=_names(
            "Nikola, Marko, Stefan, Luka, Aleksandar, Milan, Nemanja, Dragan, Zoran, Miloš, "
            "Dušan, Vladimir, Đorđe, Jovan, Petar, Filip, Uroš, Lazar, Goran, Dejan"
        ),
        female_given_names=_names(
            "Milica, Jelena, Ana, Marija, Jovana, Ivana, Dragana, Snežana, Tijana, Katarina, "
            "Teodora, Sara, Mila, Nevena, Sanja, Gordana, Vesna, Maja"
        ),
        surnames=_names(
            "Jovanović, Petrović, Nikolić, Marković, Đorđević, Stojanović, Ilić, Stanković, "
            "Pavlović, Milošević, Popović, Đukić, Todorović, Kostić, Mitrović, Živković, "
            "Ristić, Lazić, Savić, Kovačević"
        ),
    ),
    NameTable(
        nationality="UKR",
        traveller_weight=6.0,
        male_given_names=_names(
            "Олександр, Андрій, Сергій, Володимир, Дмитро, Микола, Іван, Василь, Юрій, Віктор, "
            "Максим, Богдан, Тарас, Олег, Артем, Назар, Владислав, Євген"
        ),
        female_given_names=_names(
            "Олена, Тетяна, Наталія, Оксана, Юлія, Ірина, Світлана, Марія, Анна, Людмила, "
            "Вікторія, Катерина, Ольга, Софія, Анастасія, Дарина, Галина"
        ),
        # Surnames in -енко, -ук, -ик and the like are the same for men and women.
        surnames=_names(
            "Мельник, Шевченко, Бойко, Коваленко, Бондаренко, Ткаченко, Ковальчук, Кравченко, "
            "Олійник, Шевчук, Коваль, Поліщук, Бондар, Ткачук, Мороз, Марченко, Лисенко, "
            "Руденко, Савченко, Петренко"
        ),
    ),
    NameTable(
        nationality="ISR",
        traveller_weight=3.0,
        male_given_names=_names(
            "David, Yosef, Moshe, Avraham, Daniel, Ariel, Noam, Itai, Yonatan, Eitan, Omer, Uri, "
            "Amit, Yehuda, Michael, Lior, Ido, Eyal, Tal, Avi"
        ),
        female_given_names=_names(
            "Noa, Tamar, Maya, Yael, Shira, Sarah, Michal, Rachel, Avigail, Talia, Adi, Hila, "
            "Noya, Efrat, Orly, Dana, Rivka, Esther"
        ),
        surnames=_names(
            "Cohen, Levi, Mizrahi, Peretz, Biton, Dahan, Avraham, Friedman, Malka, Azoulay, "
            "Katz, Yosef, David, Ohayon, Amar, Shapiro, Ben David, Gabay, Hadad, Levy"
        ),
    ),
    NameTable(
        nationality="ARE",
        traveller_weight=1.5,
        male_given_names=_names(
            "Mohammed, Ahmed, Khalid, Saeed, Rashid, Hamdan, Sultan, Abdullah, Saif, Hamad, "
            "Obaid, Majid, Mansour, Zayed, Omar, Faisal, Hazza, Theyab"
        ),
        female_given_names=_names(
            "Fatima, Mariam, Aisha, Shamma, Hessa, Maitha, Noura, Latifa, Amna, Moza, Sheikha, "
            "Alia, Reem, Hind, Salama, Mahra"
        ),
        surnames=_names(
            "Al Mansouri, Al Hashemi, Al Mazrouei, Al Ketbi, Al Nuaimi, Al Dhaheri, Al Shamsi, "
            "Al Suwaidi, Al Falasi, Al Zaabi, Al Ali, Al Marri, Al Qubaisi, Al Hammadi, "
            "Al Romaithi, Al Mheiri, Al Kaabi, Al Neyadi"
        ),
    ),
    NameTable(
        nationality="CHN",
        traveller_weight=5.0,
        # Hanyu Pinyin without tone marks, as Chinese passports print it.
        male_given_names=_names(
            "Wei, Jun, Lei, Yong, Jie, Tao, Ming, Hao, Qiang, Jian, Peng, Bin, Haoran, Yuxuan, "
            "Zihao, Junjie, Jianguo, Zhiwei, Xiaoming, Chao"
        ),
        female_given_names=_names(
            "Fang, Na, Min, Jing, Li, Yan, Juan, Xiuying, Xiaoyan, Lijuan, Ting, Hui, Ying, "
            "Xinyi, Yutong, Zihan, Yuxin, Shuang, Mei, Xiaohong"
        ),
        surnames=_names(
            "Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Ma, Zhu, Hu, Guo, "
            "He, Lin, Gao, Luo, Zheng, Liang"
        ),
    ),
    NameTable(
        nationality="IND",
        traveller_weight=4.0,
        male_given_names=_names(
            "Rahul, Amit, Rajesh, Suresh, Sanjay, Vijay, Anil, Sunil, Ramesh, Arjun, Rohan, "
            "Aditya, Vikram, Karan, Ravi, Deepak, Manoj, Arun, Aarav, Vivaan, Prakash, Mohammed"
        ),
        female_given_names=_names(
            "Priya, Anjali, Pooja, Neha, Sunita, Anita, Kavita, Deepa, Lakshmi, Divya, Shreya, "
            "Ananya, Aditi, Meera, Sneha, Rekha, Swati, Aaradhya, Diya, Geeta"
        ),
        surnames=_names(
            "Kumar, Singh, Sharma, Patel, Shah, Gupta, Reddy, Rao, Nair, Iyer, Das, Joshi, "
            "Verma, Mehta, Yadav, Khan, Chopra, Pillai, Menon, Agarwal, Mishra, Pandey, Bose, "
            "Naidu"
        ),
        second_given_name_share=0.15,
    ),
    NameTable(
        nationality="RUS",
        traveller_weight=2.0,
        male_given_names=_names(
            "Александр, Сергей, Дмитрий, Андрей, Алексей, Максим, Евгений, Иван, Михаил, Артём, "
            "Никита, Владимир, Николай, Павел, Роман, Игорь, Денис, Олег"
        ),
        female_given_names=_names(
            "Елена, Ольга, Наталья, Татьяна, Анна, Ирина, Екатерина, Мария, Светлана, Юлия, "
            "Анастасия, Дарья, Ксения, Виктория, Людмила, Галина, Полина, Алина"
        ),
        surnames=_RUSSIAN_SURNAMES,
        female_surnames=_russian_feminine(_RUSSIAN_SURNAMES),
    ),
    NameTable(
        nationality="TUR",
        traveller_weight=5.0,
        male_given_names=_names(
            "Mehmet, Mustafa, Ahmet, Ali, Hüseyin, Hasan, İbrahim, İsmail, Osman, Yusuf, Murat, "
            "Ömer, Ramazan, Halil, Süleyman, Abdullah, Emre, Burak, Kemal, Eymen, Mert"
        ),
        female_given_names=_names(
            "Fatma, Ayşe, Emine, Hatice, Zeynep, Elif, Meryem, Şerife, Zehra, Sultan, Hanife, "
            "Merve, Özlem, Esra, Büşra, Ebru, Defne, Yasemin"
        ),
        surnames=_names(
            "Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Yıldırım, Öztürk, Aydın, Özdemir, "
            "Arslan, Doğan, Kılıç, Aslan, Çetin, Kara, Koç, Kurt, Özkan, Şimşek"
        ),
        second_given_name_share=0.1,
    ),
    NameTable(
        nationality="MAR",
        traveller_weight=4.0,
        # French-style transliteration, as Moroccan civil status and passports use it.
        male_given_names=_names(
            "Mohammed, Ahmed, Youssef, Hamza, Omar, Said, Mustapha, Abdellah, Rachid, Hassan, "
            "Karim, Mehdi, Ayoub, Adam, Amine, Yassine, Khalid, Anas, Driss, Othmane"
        ),
        female_given_names=_names(
            "Fatima, Khadija, Aicha, Meryem, Salma, Imane, Nadia, Hanane, Sanaa, Zineb, Hajar, "
            "Malika, Naima, Soukaina, Oumaima, Latifa, Fatima Zahra, Asmae"
        ),
        surnames=_names(
            "Alaoui, El Amrani, Benali, El Idrissi, Bennani, Tazi, Berrada, Chraibi, Fassi, "
            "El Mansouri, Ouahbi, Naciri, Lahlou, Ziani, Bouazza, Amrani, El Khatib, Haddad, "
            "Sebti, Benjelloun"
        ),
    ),
    NameTable(
        nationality="EGY",
        traveller_weight=1.5,
        # The "surname" in an Egyptian passport is usually the father's or grandfather's name.
        male_given_names=_names(
            "Mohamed, Ahmed, Mahmoud, Mostafa, Ali, Omar, Hassan, Ibrahim, Youssef, Khaled, "
            "Tarek, Amr, Karim, Hany, Sherif, Islam, Hossam, Walid, Abdelrahman, Adham"
        ),
        female_given_names=_names(
            "Fatma, Mariam, Nour, Aya, Salma, Yasmin, Heba, Doaa, Esraa, Rania, Mona, Amira, "
            "Sara, Shaimaa, Hagar, Nada, Dina, Reem"
        ),
        surnames=_names(
            "Mohamed, Ahmed, Hassan, Ali, Ibrahim, Mahmoud, Mostafa, Abdelaziz, Elsayed, "
            "Abdallah, Saleh, Hussein, Farouk, Khalil, Soliman, Gamal, Fathy, Ismail, Youssef, "
            "Nasser"
        ),
        second_given_name_share=0.3,
    ),
    NameTable(
        nationality="NGA",
        traveller_weight=1.0,
        male_given_names=_names(
            "Chukwuemeka, Oluwaseun, Ibrahim, Abubakar, Emeka, Tunde, Babatunde, Chinedu, Musa, "
            "Olumide, Adebayo, Ifeanyi, Yusuf, Samuel, David, Daniel, Godwin, Segun, Obinna, Femi"
        ),
        female_given_names=_names(
            "Ngozi, Chioma, Aisha, Folake, Funmilayo, Amina, Blessing, Adaeze, Yetunde, Fatima, "
            "Chiamaka, Oluwakemi, Grace, Esther, Zainab, Ifeoma, Bukola, Nneka"
        ),
        surnames=_names(
            "Okafor, Adeyemi, Ibrahim, Bello, Okonkwo, Mohammed, Abubakar, Eze, Nwosu, Adebayo, "
            "Olawale, Ogunleye, Usman, Okoro, Balogun, Chukwu, Yusuf, Onyeka, Afolabi, Obi"
        ),
        second_given_name_share=0.4,
    ),
    NameTable(
        nationality="ZAF",
        traveller_weight=1.0,
        male_given_names=_names(
            "Thabo, Sipho, Johan, Pieter, Lwazi, Themba, Bongani, Andile, Mandla, Sibusiso, "
            "Michael, David, Jacques, Tshepo, Kagiso, Lungile, Willem, Neo, Thando"
        ),
        female_given_names=_names(
            "Nomvula, Thandiwe, Lerato, Palesa, Zanele, Nokuthula, Busisiwe, Precious, Naledi, "
            "Lindiwe, Anele, Refilwe, Michelle, Elizabeth, Annelie, Karabo, Amahle, Zinhle"
        ),
        surnames=_names(
            "Dlamini, Nkosi, Ndlovu, Khumalo, Sithole, Mokoena, Mahlangu, Zulu, Naidoo, Botha, "
            "van der Merwe, Pretorius, Nel, Smith, Mthembu, Mkhize, Molefe, Ngcobo, Venter, "
            "Govender"
        ),
        second_given_name_share=0.4,
    ),
    NameTable(
        nationality="PAK",
        traveller_weight=1.0,
        male_given_names=_names(
            "Muhammad, Ali, Ahmed, Hassan, Bilal, Usman, Imran, Faisal, Kamran, Asif, Tariq, "
            "Zahid, Saad, Hamza, Umar, Adeel, Waqas, Shahid, Arslan, Junaid"
        ),
        female_given_names=_names(
            "Ayesha, Fatima, Sana, Maryam, Zainab, Hina, Sadia, Rabia, Amna, Nida, Saima, Asma, "
            "Bushra, Mehwish, Iqra, Kiran, Noor, Shazia"
        ),
        surnames=_names(
            "Khan, Ahmed, Ali, Hussain, Shah, Malik, Butt, Qureshi, Iqbal, Raza, Chaudhry, "
            "Sheikh, Akhtar, Javed, Aslam, Siddiqui, Abbasi, Mirza, Rana, Baig"
        ),
        second_given_name_share=0.3,
    ),
    NameTable(
        nationality="PHL",
        traveller_weight=1.0,
        male_given_names=_names(
            "Jose, Juan, John Paul, Mark, Michael, Christian, Joshua, Angelo, Carlo, Ramon, "
            "Rodrigo, Jericho, Paolo, Miguel, Renato, Francis, Jerome, Kenneth, Arnel, Rommel"
        ),
        female_given_names=_names(
            "Maria, Ana, Kristine, Jennifer, Mary Grace, Angelica, Maricel, Rosalie, Jasmine, "
            "Princess, Mary Joy, Nicole, Camille, Rowena, Lorna, Cristina, Erlinda, Marites"
        ),
        surnames=_names(
            "Santos, Reyes, Cruz, Bautista, Ocampo, Garcia, Mendoza, Torres, Tomas, Andrada, "
            "Castillo, Flores, Villanueva, Ramos, Castro, Rivera, Aquino, Navarro, Salazar, "
            "Mercado, Dela Cruz, De Leon"
        ),
        second_given_name_share=0.2,
    ),
    NameTable(
        nationality="IDN",
        traveller_weight=1.0,
        # Many Indonesians bear no family name; passports then split the full name.
        male_given_names=_names(
            "Muhammad, Agus, Budi, Ahmad, Andi, Dedi, Eko, Hendra, Joko, Rizky, Dimas, Fajar, "
            "Bambang, Wahyu, Yusuf, Arif, Aditya, Rudi, Slamet, Teguh"
        ),
        female_given_names=_names(
            "Siti, Sri, Dewi, Nur, Ayu, Putri, Rina, Indah, Fitri, Wulan, Ratna, Lestari, "
            "Kartika, Nurul, Intan, Maya, Dian, Ani, Anisa, Rahma"
        ),
        surnames=_names(
            "Wijaya, Santoso, Saputra, Hidayat, Kusuma, Setiawan, Pratama, Gunawan, Nugroho, "
            "Susanto, Lubis, Siregar, Nasution, Hutapea, Rahman, Sari, Putra, Halim, Tanjung, "
            "Wibowo"
        ),
        second_given_name_share=0.3,
    ),
    NameTable(
        nationality="VNM",
        traveller_weight=1.0,
        # Vietnamese passports put the family name first and the middle and given name after.
        male_given_names=_names(
            "Văn Hùng, Văn Nam, Văn Minh, Văn Tuấn, Đức Anh, Minh Quân, Quốc Bảo, Hoàng Long, "
            "Thanh Tùng, Văn Dũng, Hữu Thắng, Gia Huy, Minh Khoa, Quang Hải, Tiến Dũng, "
            "Đình Trọng"
        ),
        female_given_names=_names(
            "Thị Lan, Thị Hương, Thị Mai, Thị Hoa, Thị Thu, Ngọc Anh, Thu Trang, Thanh Hương, "
            "Phương Linh, Thùy Dung, Thị Hồng, Bảo Ngọc, Khánh Linh, Minh Châu, Thị Hằng, "
            "Kim Ngân"
        ),
        surnames=_names(
            "Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, Lý"
        ),
    ),
)

# Regulation (EU) 2018/1806, Annex I: nationals of these countries need a visa for a short
# stay. The other nationalities above are in Annex II (visa-exempt); UKR and SRB only with
# a biometric passport, which every synthetic traveller holds.
VISA_REQUIRED: Final = frozenset(
    {"CHN", "IND", "RUS", "TUR", "NGA", "EGY", "MAR", "PAK", "PHL", "IDN", "VNM", "ZAF"}
)
