# The Airflow image with pressroom installed the way `make install` does it: the pinned requirements.lock,
# then the project itself editable (--no-deps). docker-compose.yml mounts the working tree over
# /opt/pressroom, so the editable install serves the mounted code. Nothing is installed at container start.
FROM apache/airflow:3.3.2-python3.11

COPY --chown=airflow:0 requirements.lock /opt/pressroom/requirements.lock
RUN pip install --no-cache-dir -r /opt/pressroom/requirements.lock

COPY --chown=airflow:0 . /opt/pressroom
RUN pip install --no-cache-dir --no-deps -e /opt/pressroom

# Mount point of the volume holding the UI passwords file (written by docker/init.sh); owned by airflow.
RUN mkdir -p /opt/airflow/auth
WORKDIR /opt/pressroom
