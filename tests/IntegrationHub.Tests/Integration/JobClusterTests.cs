using System.Collections.Concurrent;
using IntegrationHub.Hub.Deadlines;
using Quartz;

namespace IntegrationHub.Tests.Integration;

/// <summary>Quartz's job store in PostgreSQL, clustered: hubs sharing a database share their schedules.</summary>
public sealed class JobClusterTests
{
    [Fact]
    public async Task Two_hubs_on_one_database_run_each_scheduled_run_of_a_job_on_one_of_them_only()
    {
        await using var first = await HubHost.StartAsync(Often);
        await using var second = await HubHost.StartAsync(settings =>
        {
            Often(settings);
            settings["ConnectionStrings:Hub"] = first.ConnectionString;
        });
        var runs = new ConcurrentQueue<(string Node, DateTimeOffset? ScheduledAt)>();
        var schedulers = new[] { await first.Service<ISchedulerFactory>().GetScheduler(), await second.Service<ISchedulerFactory>().GetScheduler() };
        Assert.NotSame(schedulers[0], schedulers[1]);
        Assert.NotEqual(schedulers[0].SchedulerInstanceId, schedulers[1].SchedulerInstanceId);
        foreach (var scheduler in schedulers)
        {
            scheduler.ListenerManager.AddJobListener(new RunRecorder(OverdueDossierJob.Key, scheduler.SchedulerInstanceId, runs));
        }

        await Eventually.HoldsAsync(() => runs.Count >= 8, TimeSpan.FromSeconds(20), "8 runs of the overdue job");

        var seen = runs.ToList();
        Assert.Equal(seen.Count, seen.Select(r => r.ScheduledAt).Distinct().Count());
    }

    private static void Often(Dictionary<string, string?> settings) => settings["Hub:Deadlines:OverdueCheckInterval"] = "00:00:00.500";

    private sealed class RunRecorder(JobKey key, string node, ConcurrentQueue<(string, DateTimeOffset?)> runs) : IJobListener
    {
        public string Name { get; } = $"recorder-{node}";

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            if (context.JobDetail.Key.Equals(key))
            {
                runs.Enqueue((node, context.ScheduledFireTimeUtc));
            }
            return ValueTask.CompletedTask;
        }

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default) =>
            ValueTask.CompletedTask;
    }
}
