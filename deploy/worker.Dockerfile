# The taskmill worker as an image. Build from the repository root after `./mvnw -DskipTests package`:
#   docker build -f deploy/worker.Dockerfile -t taskmill/worker .
# The worker drives the host's Docker engine through the mounted socket (see docker-compose.yml).
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends git docker.io && rm -rf /var/lib/apt/lists/*
COPY starter/target/taskmill.jar /opt/taskmill/taskmill.jar
ENV TASKMILL_CACHE_DIR=/var/cache/taskmill
ENTRYPOINT ["java", "-jar", "/opt/taskmill/taskmill.jar", "worker"]
CMD ["--address", "temporal:7233", "--metrics-port", "9464"]
