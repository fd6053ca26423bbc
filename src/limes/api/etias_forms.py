"""The ETIAS application form (Reg. 2018/1240 art. 17) as JSON, mirroring `ApplicationForm`.

The schema checks only shape and bounds: types, dates, lengths and no control characters.
Whether a field is missing, a country code known, an e-mail well-formed or the applicant
in scope is the service's to say (`etias.validation`), so that every such problem comes
back at once as `etias.invalid_application` with `details` of `{field, type}`. The IP
address (art. 17(8)) is not part of the body: the API records the client's.

`limes etias apply` reads the same JSON from a file; src/limes/examples/etias_application.json
is the example below.
"""

from typing import Annotated, Any, Final

from pydantic import ConfigDict, Field, StringConstraints

from limes.api.fields import Day, Schema
from limes.etias.application import (
    ApplicationForm,
    BackgroundAnswers,
    DocumentType,
    EducationLevel,
    EuFamilyMember,
    FamilyTie,
    Guardian,
    Representative,
    Residence,
    Sex,
    TravelDocument,
)

# Printable text, possibly empty (the service reports a required field left empty).
Line = Annotated[str, StringConstraints(pattern=r"^[^\x00-\x1f\x7f]{0,200}$")]
LongLine = Annotated[str, StringConstraints(pattern=r"^[^\x00-\x1f\x7f]{0,1000}$")]
Code = Annotated[str, StringConstraints(pattern=r"^[^\x00-\x1f\x7f]{0,3}$")]
Codes = Annotated[tuple[Code, ...], Field(max_length=10)]
Lines = Annotated[tuple[Line, ...], Field(max_length=10)]
# What officers write on a case: printable text, line breaks allowed.
Statement = Annotated[str, StringConstraints(pattern=r"^[^\x00-\x09\x0b-\x1f\x7f]{1,2000}$")]
Note = Annotated[str, StringConstraints(pattern=r"^[^\x00-\x09\x0b-\x1f\x7f]{0,2000}$")]

EXAMPLE: Final[dict[str, Any]] = {
    "surname": "Hollowell",
    "first_names": "Tamsin Grace",
    "surname_at_birth": "Pemberley",
    "date_of_birth": "1988-06-14",
    "place_of_birth": "Halifax",
    "country_of_birth": "CAN",
    "sex": "F",
    "nationality": "CAN",
    "other_nationalities": [],
    "parents_first_names": ["Edmund", "Rosalind"],
    "other_names": [],
    "travel_document": {
        "document_type": "passport",
        "number": "DEMO00002",
        "issuing_country": "CAN",
        "issued_on": "2024-03-01",
        "expires_on": "2034-02-28",
    },
    "residence": {
        "country": "CAN",
        "city": "Halifax",
        "address": "12 Example Lane, B3H 0A1",
    },
    "email": "tamsin.hollowell@example.com",
    "phones": ["+1 902 555 0147"],
    "education": "higher",
    "occupation": "education",
    "job_title": "teacher",
    "employer": "Example School Board",
    "first_intended_stay": "NLD",
    "first_intended_stay_address": "",
    "background": {
        "criminal_conviction": False,
        "conflict_zone_stay": False,
        "return_decision": False,
        "details": [],
    },
}


class TravelDocumentBody(Schema):
    document_type: DocumentType
    number: Line
    issuing_country: Code
    issued_on: Day
    expires_on: Day

    def to_domain(self) -> TravelDocument:
        return TravelDocument(
            document_type=self.document_type,
            number=self.number,
            issuing_country=self.issuing_country,
            issued_on=self.issued_on,
            expires_on=self.expires_on,
        )


class ResidenceBody(Schema):
    """The home address, or only city and country when there is none (art. 17(2)(f))."""

    country: Code
    city: Line
    address: LongLine = ""

    def to_domain(self) -> Residence:
        return Residence(country=self.country, city=self.city, address=self.address)


class GuardianBody(Schema):
    """For a minor: the holder of parental authority or legal guardian (art. 17(2)(k))."""

    surname: Line
    first_names: Line
    address: LongLine
    email: Line
    phone: Line = ""

    def to_domain(self) -> Guardian:
        return Guardian(
            surname=self.surname,
            first_names=self.first_names,
            address=self.address,
            email=self.email,
            phone=self.phone,
        )


class EuFamilyMemberBody(Schema):
    """The EU citizen the applicant is a family member of (art. 17(2)(l))."""

    tie: FamilyTie
    surname: Line
    first_names: Line
    date_of_birth: Day
    place_of_birth: Line
    country_of_birth: Code
    nationality: Code
    address: LongLine
    email: Line = ""
    phone: Line = ""

    def to_domain(self) -> EuFamilyMember:
        return EuFamilyMember(
            tie=self.tie,
            surname=self.surname,
            first_names=self.first_names,
            date_of_birth=self.date_of_birth,
            place_of_birth=self.place_of_birth,
            country_of_birth=self.country_of_birth,
            nationality=self.nationality,
            address=self.address,
            email=self.email,
            phone=self.phone,
        )


class RepresentativeBody(Schema):
    """Who fills in the form for the applicant (art. 17(2)(m))."""

    surname: Line
    first_names: Line
    organisation: Line = ""
    email: Line
    address: LongLine
    phone: Line = ""
    relationship: Line = ""

    def to_domain(self) -> Representative:
        return Representative(
            surname=self.surname,
            first_names=self.first_names,
            organisation=self.organisation,
            email=self.email,
            address=self.address,
            phone=self.phone,
            relationship=self.relationship,
        )


class BackgroundBody(Schema):
    """The background questions of art. 17(4), and the details art. 17(6) asks for."""

    criminal_conviction: bool = False
    conflict_zone_stay: bool = False
    return_decision: bool = False
    details: Annotated[tuple[LongLine, ...], Field(max_length=10)] = ()

    def to_domain(self) -> BackgroundAnswers:
        return BackgroundAnswers(
            criminal_conviction=self.criminal_conviction,
            conflict_zone_stay=self.conflict_zone_stay,
            return_decision=self.return_decision,
            details=self.details,
        )


class ApplicationFormBody(Schema):
    """The application form (art. 17(2) and (4)); country codes ISO 3166-1 alpha-3."""

    model_config = ConfigDict(json_schema_extra={"examples": [EXAMPLE]})

    surname: Line
    first_names: Line
    surname_at_birth: Line = ""
    date_of_birth: Day
    place_of_birth: Line
    country_of_birth: Code
    sex: Sex
    nationality: Code
    other_nationalities: Codes = ()
    parents_first_names: Lines = ()
    other_names: Lines = Field(default=(), description="Aliases, artistic and usual names.")
    travel_document: TravelDocumentBody
    residence: ResidenceBody
    email: Line
    phones: Lines = ()
    education: EducationLevel
    occupation: Line = Field(description="The job group (art. 17(2)(i)).")
    job_title: Line = ""
    employer: Line = ""
    first_intended_stay: Code = Field(description="The Member State of first intended stay.")
    first_intended_stay_address: LongLine = ""
    guardian: GuardianBody | None = None
    eu_family_member: EuFamilyMemberBody | None = None
    filled_in_by: RepresentativeBody | None = None
    background: BackgroundBody = BackgroundBody()

    def to_domain(self, *, ip_address: str) -> ApplicationForm:
        return ApplicationForm(
            surname=self.surname,
            first_names=self.first_names,
            surname_at_birth=self.surname_at_birth,
            date_of_birth=self.date_of_birth,
            place_of_birth=self.place_of_birth,
            country_of_birth=self.country_of_birth,
            sex=self.sex,
            nationality=self.nationality,
            other_nationalities=self.other_nationalities,
            parents_first_names=self.parents_first_names,
            other_names=self.other_names,
            travel_document=self.travel_document.to_domain(),
            residence=self.residence.to_domain(),
            email=self.email,
            phones=self.phones,
            education=self.education,
            occupation=self.occupation,
            job_title=self.job_title,
            employer=self.employer,
            first_intended_stay=self.first_intended_stay,
            first_intended_stay_address=self.first_intended_stay_address,
            guardian=None if self.guardian is None else self.guardian.to_domain(),
            eu_family_member=(
                None if self.eu_family_member is None else self.eu_family_member.to_domain()
            ),
            filled_in_by=None if self.filled_in_by is None else self.filled_in_by.to_domain(),
            background=self.background.to_domain(),
            ip_address=ip_address,
        )
