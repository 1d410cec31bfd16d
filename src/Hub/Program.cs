using IntegrationHub.Hub;
using IntegrationHub.Hub.Persistence;

var app = HubApplication.Build(args);
await app.MigrateHubDatabaseAsync();
await app.RunAsync();
