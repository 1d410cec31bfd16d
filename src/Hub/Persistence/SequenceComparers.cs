using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace IntegrationHub.Hub.Persistence;

/// <summary>
/// Comparers of list and array columns by their items. They call methods rather than hold lambdas of their own: a
/// lambda nested in a comparer's expression is bound to a new delegate (DynamicMethod.CreateDelegate) every time EF
/// runs it, for every entity saved.
/// </summary>
public static class SequenceComparers
{
    public static ValueComparer<List<T>> List<T>() => new((a, b) => Items<T>.Equal(a, b), list => Items<T>.Hash(list), list => Items<T>.ToList(list));

    public static ValueComparer<T[]> Array<T>() => new((a, b) => Items<T>.Equal(a, b), array => Items<T>.Hash(array), array => Items<T>.ToArray(array));

    private static class Items<T>
    {
        public static bool Equal(IEnumerable<T>? a, IEnumerable<T>? b) => ReferenceEquals(a, b) || (a is not null && b is not null && a.SequenceEqual(b));

        public static int Hash(IEnumerable<T> items)
        {
            var hash = new HashCode();
            foreach (var item in items)
            {
                hash.Add(item);
            }
            return hash.ToHashCode();
        }

        public static List<T> ToList(List<T> list) => [.. list];

        public static T[] ToArray(T[] array) => [.. array];
    }
}
