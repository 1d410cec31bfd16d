using NetArchTest.Rules;

namespace IntegrationHub.Tests.Architecture;

/// <summary>
/// Which of the hub's folders (its namespaces one level below <c>IntegrationHub.Hub</c>) use which, read from
/// the compiled types' references (NetArchTest over Mono.Cecil), and the cycles among them.
/// </summary>
public sealed class FolderGraph
{
    public const string Root = "IntegrationHub.Hub";

    private FolderGraph(IReadOnlyList<string> folders, IReadOnlySet<(string From, string To)> edges)
    {
        Folders = folders;
        Edges = edges;
    }

    public IReadOnlyList<string> Folders { get; }

    public IReadOnlySet<(string From, string To)> Edges { get; }

    /// <summary>Pairs of folders that use each other.</summary>
    public IReadOnlyList<(string, string)> BothWays =>
        [.. Edges.Where(e => string.CompareOrdinal(e.From, e.To) < 0 && Edges.Contains((e.To, e.From)))];

    /// <summary>The strongly connected groups of more than one folder (Tarjan's algorithm): each is a cycle.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles
    {
        get
        {
            var (index, low, stack, onStack, groups, next) = (new Dictionary<string, int>(), new Dictionary<string, int>(), new Stack<string>(), new HashSet<string>(), new List<IReadOnlyList<string>>(), 0);
            void Visit(string folder)
            {
                index[folder] = low[folder] = next++;
                stack.Push(folder);
                onStack.Add(folder);
                foreach (var (_, to) in Edges.Where(e => e.From == folder))
                {
                    if (!index.ContainsKey(to))
                    {
                        Visit(to);
                        low[folder] = Math.Min(low[folder], low[to]);
                    }
                    else if (onStack.Contains(to))
                    {
                        low[folder] = Math.Min(low[folder], index[to]);
                    }
                }
                if (low[folder] == index[folder])
                {
                    var group = new List<string>();
                    string member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        group.Add(member);
                    }
                    while (member != folder);
                    if (group.Count > 1)
                    {
                        groups.Add([.. group.Order()]);
                    }
                }
            }
            foreach (var folder in Folders.Where(f => !index.ContainsKey(f)))
            {
                Visit(folder);
            }
            return groups;
        }
    }

    public string Summary =>
        $"{Folders.Count} folders, {Edges.Count} uses, {Cycles.Sum(c => c.Count)} folders in {Cycles.Count} cycle(s), {BothWays.Count} pairs using each other";

    public static FolderGraph Of(System.Reflection.Assembly assembly)
    {
        var folders = assembly.GetTypes().Select(t => t.Namespace ?? "").Where(ns => ns.StartsWith(Root + ".", StringComparison.Ordinal))
            .Select(ns => ns[(Root.Length + 1)..].Split('.')[0]).Distinct().Order(StringComparer.Ordinal).ToList();
        var edges = new HashSet<(string, string)>();
        foreach (var from in folders)
        {
            foreach (var to in folders.Where(to => to != from))
            {
                // No folder's name begins another's, so a namespace prefix names one folder and what is below it.
                if (Types.InAssembly(assembly).That().ResideInNamespace($"{Root}.{from}").And().HaveDependencyOn($"{Root}.{to}").GetTypes().Any())
                {
                    edges.Add((from, to));
                }
            }
        }
        return new FolderGraph(folders, edges);
    }
}
