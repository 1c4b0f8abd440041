# The Airflow image with pressroom installed the way `make install` does it: the pinned requirements.lock,
# then the project itself editable (--no-deps). docker-compose.yml mounts the working tree over
# /opt/pressroom, so the editable install serves the mounted code. Nothing is installed at container start.
FROM apache/airflow:3.3.2-python3.11

COPY --chown=airflow:0 requirements.lock /opt/pressroom/requirements.lock
RUN pip install --no-cache-dir -r /opt/pressroom/requirements.lock

# dbt in a virtualenv of its own, outside the mounted tree (its pins conflict with Airflow's); Cosmos runs it by
# path and renders the marts DAG from the manifest parsed here.
COPY --chown=airflow:0 dbt/requirements.lock /opt/dbt/requirements.lock
RUN python -m venv /opt/dbt/venv && /opt/dbt/venv/bin/pip install --no-cache-dir -r /opt/dbt/requirements.lock
ENV PRESSROOM_DBT_EXECUTABLE=/opt/dbt/venv/bin/dbt PRESSROOM_DBT_MANIFEST=/opt/dbt/target/manifest.json

COPY --chown=airflow:0 . /opt/pressroom
RUN pip install --no-cache-dir --no-deps -e /opt/pressroom \
    && /opt/dbt/venv/bin/dbt parse --quiet --project-dir /opt/pressroom/dbt --profiles-dir /opt/pressroom/dbt \
        --target-path /opt/dbt/target --log-path /tmp/dbt-logs

# Mount point of the volume holding the UI passwords file (written by docker/init.sh); owned by airflow.
RUN mkdir -p /opt/airflow/auth
WORKDIR /opt/pressroom
