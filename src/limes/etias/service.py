"""`EtiasService`: the whole ETIAS, one class for the composition root and the adapters.

Each group of use cases lives in its own module; they share `EtiasServiceBase`'s unit of
work, clock and art. 20 sources:

- `application_service`: submit, status, information reply, retention consent,
  self-revocation (the applicant);
- `case_service`: Central Unit and National Unit queues, hit verification, information
  requests, interviews, decisions, overdue cases;
- `authorisation_service`: annulment, revocation, rescreening;
- `border_service`: the carrier and border queries;
- `screening_rule_service`: the risk indicators and their versions;
- `oversight_service`: impact assessment, fairness report, retention.
"""

from limes.etias.application_service import ApplicationUseCases
from limes.etias.authorisation_service import AuthorisationUseCases
from limes.etias.border_service import BorderUseCases
from limes.etias.case_service import CaseUseCases
from limes.etias.oversight_service import OversightUseCases
from limes.etias.screening_rule_service import ScreeningRuleUseCases


class EtiasService(
    ApplicationUseCases,
    CaseUseCases,
    AuthorisationUseCases,
    BorderUseCases,
    ScreeningRuleUseCases,
    OversightUseCases,
):
    """ETIAS (Reg. (EU) 2018/1240): `EtiasService(unit_of_work, clock, sources)`."""
