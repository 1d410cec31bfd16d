# One image for the hub and the sandbox of simulated national systems (docker-compose picks the entry point).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Hub/IntegrationHub.Hub.csproj -c Release -o /out/hub \
 && dotnet publish src/Sandbox/IntegrationHub.Sandbox.csproj -c Release -o /out/sandbox

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /out /app
# Where the exchange log's anchor file lives (a volume in docker-compose.yml), writable by the hub's user.
RUN mkdir -p /var/lib/hub && chown app /var/lib/hub
USER app
ENTRYPOINT ["dotnet", "/app/hub/IntegrationHub.Hub.dll", "--contentRoot", "/app/hub"]
