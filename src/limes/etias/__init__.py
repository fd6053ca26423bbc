"""ETIAS (Regulation (EU) 2018/1240): applications, automated processing, the Central Unit
and National Unit workflow, travel authorisations, and the carrier and border queries."""
