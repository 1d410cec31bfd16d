global using IntegrationHub.Tests.Infrastructure;
