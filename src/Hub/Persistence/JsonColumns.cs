using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntegrationHub.Hub.Persistence;

/// <remarks>The comparers call methods rather than hold lambdas of their own, as <see cref="SequenceComparers"/> says why.</remarks>
public static class JsonColumns
{
    /// <summary>A list kept as one jsonb column, compared by its items (so that a change to it is saved).</summary>
    public static PropertyBuilder<List<T>> IsJsonColumn<T>(this PropertyBuilder<List<T>> property) => property
        .HasColumnType("jsonb")
        .HasConversion(
            value => JsonSerializer.Serialize(value, JsonSerializerOptions.Web),
            json => JsonSerializer.Deserialize<List<T>>(json, JsonSerializerOptions.Web) ?? new List<T>(),
            SequenceComparers.List<T>());

    /// <summary>An object stored as one jsonb value; changes are found by comparing its JSON.</summary>
    public static PropertyBuilder<T> IsJsonDocument<T>(this PropertyBuilder<T> property) where T : class => property
        .HasColumnType("jsonb")
        .HasConversion(
            value => JsonSerializer.Serialize(value, JsonSerializerOptions.Web),
            json => JsonSerializer.Deserialize<T>(json, JsonSerializerOptions.Web)!,
            new ValueComparer<T>((a, b) => DocumentComparison<T>.Equal(a, b), value => DocumentComparison<T>.Hash(value), value => DocumentComparison<T>.Snapshot(value)));

    private static class DocumentComparison<T> where T : class
    {
        public static bool Equal(T? a, T? b) => Json(a) == Json(b);

        public static int Hash(T value) => Json(value).GetHashCode(StringComparison.Ordinal);

        public static T Snapshot(T value) => JsonSerializer.Deserialize<T>(Json(value), JsonSerializerOptions.Web)!;

        private static string Json(T? value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);
    }
}
