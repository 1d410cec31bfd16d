# One image for the hub and the sandbox of simulated national systems (docker-compose picks the entry point).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Hub/IntegrationHub.Hub.csproj -c Release -o /out/hub \
 && dotnet publish src/Sandbox/IntegrationHub.Sandbox.csproj -c Release -o /out/sandbox

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /out /app
# Where the exchange log's anchor file and the sandbox's hub.env live (volumes in docker-compose.yml), writable by the app user.
RUN mkdir -p /var/lib/hub /run/sandbox && chown app /var/lib/hub /run/sandbox
USER app
# The hub's runtime settings, as scripts/hub-runtime.sh gives them to the scripts (why there); the sandbox, from this image too, is indifferent to them.
ENV DOTNET_GCgen0size=0x1800000
ENTRYPOINT ["dotnet", "/app/hub/IntegrationHub.Hub.dll", "--contentRoot", "/app/hub"]
