namespace IntegrationHub.Sandbox;

/// <summary>
/// The hub's settings as a shell environment file (<c>Hub__Adapters__NationalPortal__BaseUrl='…'</c>), for
/// <c>set -a; . file</c>: single-quoted, so that any value (a PEM certificate with its newlines) passes unchanged.
/// </summary>
public static class HubEnvironmentFile
{
    /// <exception cref="InvalidOperationException">Two systems declare the same key with different values.</exception>
    public static void Write(string path, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var merged = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in settings)
        {
            if (merged.TryGetValue(key, out var earlier) && earlier != value)
            {
                throw new InvalidOperationException($"{key} is declared twice, with different values");
            }
            merged[key] = value;
        }
        var lines = merged.Select(setting => $"{setting.Key.Replace(":", "__", StringComparison.Ordinal)}='{(setting.Value ?? "").Replace("'", "'\\''", StringComparison.Ordinal)}'");
        // Written whole, then moved into place: a reader never sees half a file. It holds secrets: the owner alone reads it.
        var partial = path + ".partial";
        File.WriteAllLines(partial, lines);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(partial, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(partial, path, overwrite: true);
    }
}
