using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Hub.Persistence;

/// <summary>
/// The hub's unit of work. It knows no feature: each maps its own entities (one
/// <see cref="IEntityTypeConfiguration{TEntity}"/> per entity, in its folder, found here by assembly scan)
/// and reaches them with <c>Set&lt;T&gt;()</c>. Columns are the properties' names in snake_case unless a
/// configuration names them.
/// </summary>
public sealed class HubDbContext(DbContextOptions<HubDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(HubDbContext).Assembly);
        foreach (var entity in model.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties().Where(p => p.GetColumnName() == p.Name))
            {
                property.SetColumnName(SnakeCase(property.Name));
            }
        }
    }

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
