using IopTelehealth.Domain.Attendance.Ports;
using IopTelehealth.Domain.Audit;
using IopTelehealth.Domain.Rooms.Ports;
using IopTelehealth.Persistence.Attendance;
using IopTelehealth.Persistence.PostgreSql;
using IopTelehealth.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IopTelehealth.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    public static IServiceCollection AddIopPersistence(this IServiceCollection services, DatabaseSettings settings, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // The options are built once, not in every scope: every room hub call opens a scope and constructs a context
        // (through the session directory) even when it never queries, and rebuilding the options each time was most
        // of that cost (docs/benchmarks.md). The context itself stays scoped.
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = string.IsNullOrWhiteSpace(settings.ConnectionString)
                    ? $"Data Source={Path.Combine(dataDirectory, "iop.db")}"
                    : settings.ConnectionString;
                services.AddDbContext<IopDbContext, SqliteIopDbContext>(options => options.UseSqlite(sqlite), optionsLifetime: ServiceLifetime.Singleton);
                break;
            case DatabaseProvider.PostgreSql:
                var postgres = string.IsNullOrWhiteSpace(settings.ConnectionString)
                    ? throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is PostgreSql.")
                    : settings.ConnectionString;
                services.AddDbContext<IopDbContext, PostgreSqlIopDbContext>(options => options.UseNpgsql(postgres), optionsLifetime: ServiceLifetime.Singleton);
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{settings.Provider}' is not supported; use Sqlite or PostgreSql.");
        }

        services.AddSingleton<IAuditLog, EfAuditLog>();
        services.AddScoped<ISessionDirectory, EfSessionDirectory>();
        services.AddScoped<Identity.Devices.IDeviceRoomCatalog, EfDeviceRoomCatalog>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IAttendanceLog, EfAttendanceLog>();
        return services;
    }

    /// <summary>Applies pending migrations of the configured provider; the schema is never created any other way.</summary>
    public static async Task MigrateIopDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IopDbContext>();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers proceed while a writer commits (attendance writes during page loads).
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }

        await db.Database.MigrateAsync(cancellationToken);
    }
}
