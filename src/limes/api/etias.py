"""Routes of ETIAS (Reg. (EU) 2018/1240) under /etias, one router gathering four:

- `etias_public`: the applicant's routes, without an account, rate limited;
- `etias_cases`: the Central Unit's and National Units' queues, verifications, enquiries,
  decisions and the case file;
- `etias_authorisations`: annulment, revocation, rescreening, carrier and border queries;
- `etias_oversight`: screening rules, impact assessment, fairness report.
"""

from fastapi import APIRouter

from limes.api import etias_authorisations, etias_cases, etias_oversight, etias_public

router = APIRouter(prefix="/etias", tags=["etias"])
for part in (etias_public, etias_cases, etias_authorisations, etias_oversight):
    router.include_router(part.router)
