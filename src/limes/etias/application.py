"""What an applicant fills in: the application data of Reg. (EU) 2018/1240 art. 17.

Pure value types. Country codes are ISO 3166-1 alpha-3 (ICAO 9303 codes accepted); the
form is checked as a whole by `validation.validate_form`, not in constructors, so that an
applicant sees every problem at once.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Sex(StrEnum):
    """ICAO 9303 sex marker: F, M, or X for unspecified."""

    FEMALE = "F"
    MALE = "M"
    UNSPECIFIED = "X"


class EducationLevel(StrEnum):
    """Art. 17(2)(h): primary, secondary, higher or none."""

    NONE = "none"
    PRIMARY = "primary"
    SECONDARY = "secondary"
    HIGHER = "higher"


class DocumentType(StrEnum):
    """Art. 17(2)(d): the type of the travel document."""

    PASSPORT = "passport"
    OTHER_TRAVEL_DOCUMENT = "other_travel_document"


class FamilyTie(StrEnum):
    """Art. 17(2)(l)(iii): the family tie with the EU citizen (Directive 2004/38 art. 2(2),
    and art. 3(2) for other family members the host state facilitates)."""

    SPOUSE = "spouse"
    REGISTERED_PARTNER = "registered_partner"
    DESCENDANT = "descendant"  # under 21, or dependent
    ASCENDANT = "ascendant"  # dependent direct relative in the ascending line
    OTHER_FAMILY_MEMBER = "other_family_member"  # art. 3(2)


@dataclass(frozen=True, slots=True, kw_only=True)
class TravelDocument:
    """Art. 17(2)(d)-(e): type, number, issuing country, dates of issue and expiry.

    >>> TravelDocument(document_type=DocumentType.PASSPORT, number="L898902C3",
    ...                issuing_country="USA", issued_on=date(2024, 4, 16),
    ...                expires_on=date(2034, 4, 15)).masked()
    'USA/…C3'
    """

    document_type: DocumentType
    number: str
    issuing_country: str
    issued_on: date
    expires_on: date

    def masked(self) -> str:
        """For messages and logs: the issuing country and the last two characters only."""
        return f"{self.issuing_country}/…{self.number[-2:]}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Residence:
    """Art. 17(2)(f): the home address or, if there is none, city and country of residence.

    An empty `address` means the applicant gave only city and country, which the
    automated processing reports (art. 20(3)).
    """

    country: str
    city: str
    address: str = ""  # street, number, postal code

    @property
    def has_home_address(self) -> bool:
        return bool(self.address.strip())


@dataclass(frozen=True, slots=True, kw_only=True)
class Guardian:
    """Art. 17(2)(k): for a minor, the holder of parental authority or legal guardian."""

    surname: str
    first_names: str
    address: str
    email: str
    phone: str = ""  # "if available"


@dataclass(frozen=True, slots=True, kw_only=True)
class EuFamilyMember:
    """Art. 17(2)(l): the EU citizen (or Union-law beneficiary) the applicant is family of."""

    tie: FamilyTie
    surname: str
    first_names: str
    date_of_birth: date
    place_of_birth: str
    country_of_birth: str
    nationality: str
    address: str
    email: str = ""
    phone: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Representative:
    """Art. 17(2)(m): the person or commercial intermediary filling in the form."""

    surname: str
    first_names: str
    organisation: str = ""
    email: str
    address: str
    phone: str = ""
    relationship: str = ""  # to the applicant, e.g. "parent", "travel agency"


@dataclass(frozen=True, slots=True, kw_only=True)
class BackgroundAnswers:
    """Art. 17(4) background questions; `details` answers the art. 17(6) follow-up list.

    >>> BackgroundAnswers(return_decision=True).affirmative()
    ('return_decision',)
    """

    criminal_conviction: bool = False  # (a): last 10 years, 20 for terrorist offences
    conflict_zone_stay: bool = False  # (b): war or conflict zone in the last 10 years
    return_decision: bool = False  # (c): decision to leave a territory, last 10 years
    details: tuple[str, ...] = ()

    def affirmative(self) -> tuple[str, ...]:
        """The questions answered yes, by name."""
        answers = (
            ("criminal_conviction", self.criminal_conviction),
            ("conflict_zone_stay", self.conflict_zone_stay),
            ("return_decision", self.return_decision),
        )
        return tuple(name for name, yes in answers if yes)


@dataclass(frozen=True, slots=True, kw_only=True)
class ApplicationForm:
    """The data of art. 17(2), (4) and (8) as the applicant submits them.

    `nationality` is the current nationality of art. 17(2)(a); `other_nationalities` are
    those of (c). `occupation` is the job group from the predetermined list (art. 17(2)(i)).
    `ip_address` is recorded by the public website, not typed in (art. 17(8)).
    """

    surname: str
    first_names: str
    surname_at_birth: str = ""
    date_of_birth: date
    place_of_birth: str
    country_of_birth: str
    sex: Sex
    nationality: str
    other_nationalities: tuple[str, ...] = ()
    parents_first_names: tuple[str, ...] = ()
    other_names: tuple[str, ...] = ()  # (b): aliases, artistic names, usual names
    travel_document: TravelDocument
    residence: Residence
    email: str
    phones: tuple[str, ...] = ()
    education: EducationLevel
    occupation: str  # job group
    job_title: str = ""
    employer: str = ""
    first_intended_stay: str  # (j): Member State of first intended stay
    first_intended_stay_address: str = ""  # (j): optional
    guardian: Guardian | None = None
    eu_family_member: EuFamilyMember | None = None
    filled_in_by: Representative | None = None
    background: BackgroundAnswers = BackgroundAnswers()
    ip_address: str = ""

    @property
    def nationalities(self) -> tuple[str, ...]:
        """Every nationality the applicant declares, current first."""
        return (self.nationality, *self.other_nationalities)


def normalise_email(email: str) -> str:
    """An e-mail address as the stores compare it: trimmed, case-insensitive."""
    return email.strip().casefold()
