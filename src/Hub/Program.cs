using IntegrationHub.Hub;
using IntegrationHub.Hub.Cli;
using IntegrationHub.Hub.Persistence;

// `hub health`, `hub dead-letters`, `hub backlog`: operators' commands against a running hub.
if (HubCli.Handles(args))
{
    return await HubCli.RunAsync(args, Console.Out, Console.Error);
}

var app = HubApplication.Build(args);
await app.MigrateHubDatabaseAsync();
await app.RunAsync();
return 0;
