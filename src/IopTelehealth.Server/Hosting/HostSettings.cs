using System.ComponentModel.DataAnnotations;
using IopTelehealth.Identity;
using Microsoft.Extensions.Options;

namespace IopTelehealth.Server.Hosting;

/// <summary>Configuration section "Storage".</summary>
public sealed class StorageSettings
{
    public const string Section = "Storage";

    /// <summary>Folder for the SQLite file and generated keys; relative paths are under the content root.</summary>
    public string DataDirectory { get; set; } = "data";
}

/// <summary>Configuration section "Demo".</summary>
public sealed class DemoSettings
{
    public const string Section = "Demo";

    /// <summary>Seed the demo clinic into an empty database. Refused in Production.</summary>
    public bool Seed { get; set; }

    /// <summary>
    /// Seed a "Load Test Clinic" with this many groups (one therapist and <see cref="LoadTestPatientsPerRoom"/> patients each,
    /// demo password, demo TOTP secret, a session open now) for src/IopTelehealth.LoadTool. 0 = none. Refused in Production.
    /// </summary>
    [Range(0, 1000)]
    public int LoadTestRooms { get; set; }

    /// <summary>Patients per load-test group (the program's group size allows at most 50).</summary>
    [Range(1, 50)]
    public int LoadTestPatientsPerRoom { get; set; } = 13;
}

internal static class HostConfiguration
{
    /// <summary>Resolves derived defaults before services are registered: the data folder and (outside Production) the issuer.</summary>
    public static string PrepareDataDirectory(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[$"{StorageSettings.Section}:DataDirectory"] ?? "data";
        var directory = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, configured));
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>
    /// Loopback port 5080 unless told otherwise; outside Production the issuer defaults to the first listening URL,
    /// so `--urls` alone moves the whole server.
    /// Production must name its public https URL explicitly.
    /// </summary>
    public static void ApplyEmbeddedDefaults(WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
        {
            // The embedded default listens on loopback only; deployments set ASPNETCORE_URLS or --urls.
            builder.Configuration["urls"] = "http://127.0.0.1:5080";
        }

        var key = $"{IdentitySettings.Section}:Issuer";
        if (!builder.Environment.IsProduction() && string.IsNullOrWhiteSpace(builder.Configuration[key]))
        {
            var first = (builder.Configuration["urls"] ?? "http://127.0.0.1:5080").Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
            builder.Configuration[key] = first.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/";
        }
    }

    /// <summary>Touches every validated options type so a bad configuration stops the host before it migrates anything.</summary>
    public static void ValidateNow(IServiceProvider services)
    {
        _ = services.GetRequiredService<IOptions<IdentitySettings>>().Value;
        _ = services.GetRequiredService<IOptions<DemoSettings>>().Value;
        _ = services.GetRequiredService<IOptions<Domain.Media.MediaSettings>>().Value;
        // Only registered with Janus nodes configured.
        _ = services.GetService<IOptions<IopTelehealth.Media.Janus.Options.JanusMediaOptions>>()?.Value;
    }
}
