{#- Fails with the offending rows of a checks model whose check_name starts with `check` and whose `failed` is
    true: one test per check, so a red run names the check that crossed its threshold. -#}
{% test within_threshold(model, check) %}
select check_name, affected, total, rate, threshold, detail
from {{ model }}
where split_part(check_name, ':', 1) = '{{ check }}'
  and failed
{% endtest %}
