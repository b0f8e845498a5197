using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace FleetPool.Core.Data;

/// <summary>Keys the model cache by provider too, so SQLite (converters) and PostgreSQL (native types) never share a model.</summary>
public sealed class ProviderModelCacheKeyFactory : IModelCacheKeyFactory
{
    /// <inheritdoc />
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), context.Database.ProviderName, designTime);
}
