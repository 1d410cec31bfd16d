using Quartz;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>
/// Runs a hub job now, through its scheduler, and waits until that run has finished: the run this call
/// triggered, known by a mark in its trigger's data, not a scheduled run that happened to end meanwhile.
/// </summary>
public static class JobRuns
{
    public static async Task RunOnceAsync(this HubHost hub, JobKey key)
    {
        var scheduler = await hub.Service<ISchedulerFactory>().GetScheduler();
        var listener = new FinishedListener(key);
        scheduler.ListenerManager.AddJobListener(listener);
        try
        {
            await scheduler.TriggerJob(key, new JobDataMap { [FinishedListener.Mark] = listener.Name });
            await listener.Finished.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
        finally
        {
            scheduler.ListenerManager.RemoveJobListener(listener.Name);
        }
    }

    private sealed class FinishedListener(JobKey key) : IJobListener
    {
        public const string Mark = "test-run";

        public string Name { get; } = $"test-run-{Guid.NewGuid():N}";
        public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            if (context.JobDetail.Key.Equals(key) && context.Trigger.JobDataMap.TryGetString(Mark, out var mark) && mark == Name)
            {
                Finished.TrySetResult();
            }
            return ValueTask.CompletedTask;
        }
    }
}
