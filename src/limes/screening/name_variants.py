"""Given names that denote the same name: nicknames, diminutives, spellings, and cognates.

Each line is one cluster. Sources of the facts: common English hypocoristics (Bob/Robert,
Ted/Theodore, Peggy/Margaret, ...), the cognates of biblical and saints' names across
European languages, the Slavic short forms (Sasha/Aleksandr), and the Arabic/Turkish
spellings of one name listed in etias_screening.md §4.5 (Mohammed, Mhd, ...). Limes'
own compilation; a match through this table scores below an exact or near-exact spelling.
"""

from functools import lru_cache

from limes.screening.latin import canonical, fold

# One name, written differently: diminutives, spellings, romanisations of one original.
_SAME_NAME = """
robert bob bobby rob robbie bert
william bill billy will willy liam
richard dick rick ricky rich
theodore ted teddy theo
edward ed eddie ned ted
margaret peggy peggie maggie meg marge greta
elizabeth liz lizzie beth betty eliza elisabeth lisa
katherine kate kathy cathy catherine kathryn katharine
alexander alex sandy
aleksandr alexandr oleksandr aliaksandr sasha alexander
james jim jimmy jamie
john jack johnny jon
michael mike mick mickey
mikhail mikhayil mykhailo mihail michail
joseph joe joey
peter pete
pyotr petr piotr petro pjotr
andrew andy drew
andrei andrey andriy andrii andrej
henry harry hank
charles charlie chuck
francis frank
lee leigh
louis luis lewis
mohammed muhammad mohammad mohamed muhammed mohamad mohd mhd mohamud mohammud
ahmed ahmad
ibrahim ebrahim
suleiman sulaiman suleyman sulayman
daniel danny dan
david dave
thomas tom tommy
anthony tony
vladimir volodymyr uladzimir wladimir volodya vova
evgeny yevgeny yevgeniy evgeniy yevhen evgenii
sergei sergey sergiy serhiy serguei serhii
dmitry dmitri dmytro dmitrii
oleg oleh aleh
olga olha volha
mariya maria
elena yelena olena alena
natalia natasha nataliya natalya
alexei aleksey aleksei oleksiy alexey aliaksei oleksii
grigory grigoriy hryhoriy
nikolai nikolay mykola mikalai
yuri yury yuriy iurii yurii
benjamin ben benny
mitchell mitch
christopher chris kit
christian chris
jeffrey geoffrey jeff geoff
gerald jerry gerry
jerome jerry
donald don donny
douglas doug
frederick fred freddie freddy
gabriel gabe
joshua josh
kenneth ken kenny
lawrence laurence larry
matthew matt
maximilian max
nathan nate
nathaniel nate nat
patrick pat paddy
patricia pat patty trish
philip phillip phil
raymond ray
ronald ron ronnie
timothy tim timmy
victor vic
vincent vince
zachary zach zack
jennifer jen jenny
jessica jess jessie
rebecca becky becca
cynthia cindy
deborah debbie debra deb
dorothy dot dottie
pamela pam
sandra sandy
susan sue susie suzanne
teresa theresa terry tess
victoria vicky vicki tori
harold hal harry
bernard bernie
herbert herb
manuel manny
walter walt
wesley wes
russell russ
stanley stan
sidney sid
oliver ollie
reginald reg reggie
abraham abe
albert al bert
alfred alf alfie fred
augustus gus
eugene gene
ernest ernie
isaac ike
leonard leo len lenny
alan allen allan al
brian bryan
stephen steven steve stevie
nicholas nick nicky
andrew andy
joseph joe jo
josephine jo josie
samantha sam
abigail abby gail
barbara barb babs
caroline carol carrie
frances fran frankie
gwendolyn gwen
josef joseph
judith judy
kimberly kim
lucinda lucy cindy
madeline maddie
penelope penny
rosemary rose rosie
valentina valya
yekaterina katya katia
anastasia nastya
mikhail misha
aleksandra sasha sasha
ivan vanya
dmitry dima
yevgeny zhenya
vladimir vova volodya
nikolai kolya
samuel sam sammy
abdul abdel abd
hussein husain hussain hosein hossein husayn
hassan hasan
omar umar
osama usama
mustafa mostafa moustafa
khalid khaled
walid waleed
youssef yusuf yousef yusif
aisha aicha aysha ayesha aischa
layla leila laila leyla leila
maryam meriem mariam myriam meryem
fatima fatma fatimah fatemeh fatime
khadija khadidja khadijah hatice
jamal gamal djamal
abdullah abdallah abdalla abdellah
said saeed sayed saied
mahmoud mahmud mahmood
ismail ismael esmail
yasmin yasmine jasmine yasmina
nour noor nur
amina aminah ameena
zainab zaynab zeinab
hamza hamzah
othman osman uthman usman
karim kareem
rashid rachid rasheed
tariq tarek tarik
majid majeed
samir sameer
nabil nabeel
adel adil
jamil jameel djamel
farid fareed
zakaria zakariya zakariyya
wang wong
chen chan
zhang cheung chang
li lee
wu ng woo
he ho
liu lau
liang leung
lin lam
zhou chow chou
zeng tsang
ye yip
guo kwok
deng tang
lu lo law
xu hui tsui
xie tse
feng fung
cai choi tsai
yang yeung
guan kwan
xiao siu
tan tam
pan poon
zheng cheng
huang wong
"""

# The same name in different languages: weak evidence, since a document holds one form.
_COGNATES = """
john juan jean johann johannes hans giovanni joao jan ioannis ivan yahya
william wilhelm guillaume guillermo willem
richard ricardo riccardo
theodore fyodor fedor feodor teodor
edward eduard eduardo edoardo
margaret margarita margarethe margherita
elizabeth elisabetta elizaveta
katherine ekaterina yekaterina katharina caterina
alexander alexandre alessandro alejandro iskander aleksandr
james jacques jaime giacomo diego
michael mikhail michel miguel michele mikael michal
joseph jose giuseppe josef iosif yusuf
peter pierre pedro pietro pyotr piotr
paul pablo paolo pavel pawel paulo pavlo
stephen steven stefan stephane esteban stepan stefano
nicholas nicolas nikolai mykola nicola niccolo
andrew andre andres andreas andrzej andrei
george georg jorge giorgio georgiy georgi jerzy yuri
henry henri enrique heinrich enrico
charles carlos karl carl carlo karol
francis francisco francesco franz francois frantisek
louis ludwig luigi lodewijk
daniel danilo daniil
david davide dawid davit
thomas tomas tommaso
anthony antonio anton antoine antoni
eugene evgeny eugen eugenio
sergei sergio
mary maria marie maryam miriam mariam
anne anna hannah anya
helen helena elena ellen
gregory grigory gregorio
jacob yakov yaakov yakub jakub
isaac ishak ishaq
moses musa moshe
abraham ibrahim
solomon suleiman
jesus isa
"""


def _build(clusters: str) -> dict[str, frozenset[int]]:
    index: dict[str, set[int]] = {}
    for number, line in enumerate(clusters.strip().splitlines()):
        for name in line.split():
            index.setdefault(canonical(fold(name)), set()).add(number)
    return {key: frozenset(value) for key, value in index.items()}


@lru_cache(maxsize=1)
def _same_name() -> dict[str, frozenset[int]]:
    return _build(_SAME_NAME)


@lru_cache(maxsize=1)
def _cognates() -> dict[str, frozenset[int]]:
    return _build(_COGNATES)


def _share(index: dict[str, frozenset[int]], a: str, b: str) -> bool:
    clusters = index.get(a)
    return bool(clusters and clusters & index.get(b, frozenset()))


def are_variants(a: str, b: str) -> bool:
    """Whether two canonical tokens are forms of one name (Ted/Theodore, Lee/Leigh)."""
    return _share(_same_name(), a, b)


def are_cognates(a: str, b: str) -> bool:
    """Whether two canonical tokens are one name in two languages (Juan/John)."""
    return _share(_cognates(), a, b)


def same_name_clusters(token: str) -> frozenset[int]:
    """The same-name clusters a canonical token belongs to (empty for most tokens)."""
    return _same_name().get(token, frozenset())


def cognate_clusters(token: str) -> frozenset[int]:
    return _cognates().get(token, frozenset())


def variant_keys(token: str) -> frozenset[str]:
    """Cluster identifiers of a canonical token's same-name forms, for candidate search."""
    return frozenset(f"v{number}" for number in _same_name().get(token, frozenset()))
