using IopTelehealth.Domain;
using IopTelehealth.Identity;
using IopTelehealth.Identity.Clients;
using IopTelehealth.Identity.Users;
using IopTelehealth.Persistence;
using IopTelehealth.Server.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IopTelehealth.Server.Hosting;

/// <summary>Start-up work that must finish before the first request: schema, roles, clients, demo data.</summary>
internal static class Bootstrap
{
    public static async Task RunAsync(WebApplication app, string dataDirectory)
    {
        HostConfiguration.ValidateNow(app.Services);
        await app.Services.MigrateIopDatabaseAsync();

        await using var scope = app.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<AppRole>>();
        foreach (var role in Roles.Accounts.Where(r => !roles.Roles.Any(existing => existing.Name == r)))
        {
            await roles.CreateAsync(new AppRole(role));
        }

        var identity = app.Services.GetRequiredService<IOptions<IdentitySettings>>().Value;
        await ClientRegistrar.RegisterAsync(app.Services, identity, FirstPartyClients.ResolveWebSecret(identity, dataDirectory));

        var demo = app.Services.GetRequiredService<IOptions<DemoSettings>>().Value;
        if (demo.Seed)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }

        if (demo.LoadTestRooms > 0)
        {
            await scope.ServiceProvider.GetRequiredService<LoadTestSeeder>().SeedAsync(demo.LoadTestRooms, demo.LoadTestPatientsPerRoom);
        }
    }
}
