namespace IntegrationHub.Hub.Logging;

/// <summary>
/// Wraps a logging provider so that what it writes has personal identifiers masked: the message, the
/// exception's text (folded into the message), and every value of the structured state.
/// </summary>
public sealed class PersonalDataMaskingLoggerProvider(ILoggerProvider inner) : ILoggerProvider, ISupportExternalScope
{
    public ILogger CreateLogger(string categoryName) => new MaskingLogger(inner.CreateLogger(categoryName));

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => (inner as ISupportExternalScope)?.SetScopeProvider(scopeProvider);

    public void Dispose() => inner.Dispose();

    private sealed class MaskingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }
            var message = PersonalDataText.Mask(exception is null ? formatter(state, null) : $"{formatter(state, exception)}{Environment.NewLine}{exception}");
            inner.Log(logLevel, eventId, MaskedState.Of(state, message), null, static (masked, _) => masked.Message);
        }
    }

    /// <summary>The state's name-value pairs with string values masked, and the masked message.</summary>
    private sealed class MaskedState(IReadOnlyList<KeyValuePair<string, object?>> values, string message) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message { get; } = message;

        public int Count => values.Count;

        public KeyValuePair<string, object?> this[int index] => values[index];

        public static MaskedState Of<TState>(TState state, string message) => new(
            state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? [.. pairs.Select(p => p.Key == "{OriginalFormat}" || p.Value is null or ValueType ? p : new(p.Key, PersonalDataText.Mask(p.Value.ToString() ?? "")))]
                : [],
            message);

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Message;
    }
}
