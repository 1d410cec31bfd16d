using Npgsql;

namespace IntegrationHub.Hub.Persistence;

/// <summary>
/// A batch's first statement, making PostgreSQL plan the batch's prepared statements once per connection. Left to
/// itself (<c>plan_cache_mode = auto</c>) it compares a generic plan's estimate with the custom plans' and, for a
/// statement over an array or under a <c>LIMIT</c> parameter, finds the generic one dearer though its shape is the
/// same, and plans the statement again at every call for as long as the connection lives (the outbox claim: 0.7 ms
/// of planning a call, 5 % of PostgreSQL's time under load). Only for statements whose best plan does not depend on
/// their parameters' values, written so that the generic plan's guesses (an array's length, a LIMIT's) cannot turn it
/// into a scan: the claim finds the rows it took by key for that reason.
/// </summary>
public static class GenericPlans
{
    // set_config(…, true) lasts to the transaction's end, which for a batch outside BEGIN is the batch's end.
    public static NpgsqlBatchCommand ForThisBatch() => new("SELECT set_config('plan_cache_mode', 'force_generic_plan', true)");
}
