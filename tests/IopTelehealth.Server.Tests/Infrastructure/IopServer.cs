using IopTelehealth.Persistence;
using IopTelehealth.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IopTelehealth.Server.Tests.Infrastructure;

/// <summary>
/// The real server (Program) on Kestrel on a loopback port, with its own data folder, database and keys.
/// Tests talk to it over real sockets; <see cref="Services"/> is only for arranging data and reading the audit log.
/// </summary>
public class IopServer : IAsyncDisposable
{
    public const string ServiceClientId = "test-ehr-export";
    public const string ServiceClientSecret = "test-ehr-export-secret-0123456789abcdef";

    private readonly WebApplicationFactory<Program> _factory;

    public IopServer(IReadOnlyDictionary<string, string?>? settings = null)
    {
        Port = FreePort.Next();
        DataDirectory = Directory.CreateTempSubdirectory("iop-test-").FullName;
        BaseAddress = new Uri($"http://127.0.0.1:{Port}/");
        var all = new Dictionary<string, string?>
        {
            ["urls"] = BaseAddress.ToString().TrimEnd('/'),
            ["Identity:Issuer"] = BaseAddress.ToString(),
            ["Identity:AllowInsecureHttp"] = "true",
            ["Storage:DataDirectory"] = DataDirectory,
            ["Demo:Seed"] = "true",
            ["Identity:ServiceClients:0:ClientId"] = ServiceClientId,
            ["Identity:ServiceClients:0:ClientSecret"] = ServiceClientSecret,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in TestDatabase.Settings())
        {
            all[key] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            foreach (var (key, value) in all)
            {
                builder.UseSetting(key, value);
            }
        });
        _factory.UseKestrel(Port);
        _factory.StartServer();
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>Access tokens already obtained on this server, by account (sign-in is the slow part of room tests).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string> Tokens { get; } = new(StringComparer.OrdinalIgnoreCase);

    public BrowserSession NewBrowser() => new(BaseAddress);

    public TokenClient NewTokenClient() => new(BaseAddress);

    /// <summary>Runs <paramref name="work"/> against the server's own database (arrange and assert only).</summary>
    public async Task<T> WithDbAsync<T>(Func<IopDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<IopDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        GC.SuppressFinalize(this);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the WAL file for a moment; the OS temp cleaner takes the rest.
        }
    }
}
