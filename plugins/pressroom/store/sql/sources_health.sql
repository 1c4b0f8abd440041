select source, kind, schedule, enabled, last_success_at, health, consecutive_failed_runs, last_error_class,
    last_error
from mart.source_freshness
where configured
order by source
