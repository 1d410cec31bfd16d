namespace IntegrationHub.Hub.Persistence;

/// <summary>The time as PostgreSQL keeps it (to the microsecond), for values that answers show before and after they are stored.</summary>
public static class StoredTime
{
    public static DateTimeOffset Now(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }
}
