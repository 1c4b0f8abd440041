insert into core.strike_reports (document_id, rule, scope, actor, campaign, date_start, date_end, date_precision,
    country, admin1, place, place_normalised, lat, lon, geo_precision, strikes_low, strikes_best, strikes_high,
    engagements, targets, evidence_text, evidence_start, evidence_end, extra, normaliser_version)
select document_id, rule, scope, actor, campaign, date_start, date_end, date_precision, country, admin1, place,
    place_normalised, lat, lon, geo_precision, strikes_low, strikes_best, strikes_high, engagements, targets,
    evidence_text, evidence_start, evidence_end, extra, normaliser_version
from core.prepared_strike_reports
where document_id = any(%(docs)s)
