using System.Security.Cryptography;
using IopTelehealth.Server.Tests.Infrastructure;
using IopTelehealth.Testing;

namespace IopTelehealth.Server.Tests.Identity;

/// <summary>A production configuration that would weaken sign-in refuses to start, naming the key at fault.</summary>
public sealed class ProductionConfigurationTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("iop-prod-").FullName;

    [Fact]
    public async Task Http_and_missing_keys_are_refused_with_the_keys_named()
    {
        await using var server = new ServerProcess(Production(new()
        {
            ["Identity__Issuer"] = "http://127.0.0.1:1/",
            ["Identity__AllowInsecureHttp"] = "true",
        }));

        var exitCode = await server.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains("Identity:AllowInsecureHttp must be false in Production", server.StandardError, StringComparison.Ordinal);
        Assert.Contains("Identity:Issuer must be an https:// URL in Production", server.StandardError, StringComparison.Ordinal);
        Assert.Contains("Identity:SigningKeyPem is required", server.StandardError, StringComparison.Ordinal);
        Assert.Contains("Identity:EncryptionKeyPem is required", server.StandardError, StringComparison.Ordinal);
        Assert.Contains("Identity:WebClientSecret is required", server.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", server.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_data, "iop.db")), "a refused start must not create or migrate the database");
    }

    [Fact]
    public async Task A_key_that_is_not_PEM_is_refused_by_name()
    {
        await using var server = new ServerProcess(Production(SecureSettings(signingKey: "not a key")));

        var exitCode = await server.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains("Identity:SigningKeyPem is not an RSA private key in PEM", server.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_and_load_test_seeding_are_refused_in_production()
    {
        var settings = SecureSettings();
        settings["Demo__Seed"] = "true";
        settings["Demo__LoadTestRooms"] = "2";
        await using var server = new ServerProcess(Production(settings));

        var exitCode = await server.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains("Demo:Seed must be false in Production", server.StandardError, StringComparison.Ordinal);
        Assert.Contains("Demo:LoadTestRooms must be 0 in Production", server.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsafe_media_settings_are_refused_by_name()
    {
        var settings = SecureSettings();
        settings["Media__Turn__Urls__0"] = "turn:turn.example.org:3478";
        settings["Media__Turn__Secret"] = "short-secret";
        settings["Media__IceServers__0__Urls__0"] = "http://stun.example.org";
        settings["Media__MeshSizeLimit"] = "40";
        settings["Media__AllowLoopbackCandidates"] = "true";
        await using var server = new ServerProcess(Production(settings));

        var exitCode = await server.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains("Media:Turn:Secret must be at least 32 characters", server.StandardError, StringComparison.Ordinal);
        Assert.Contains("Media:IceServers:0:Urls must list stun:, turn: or turns: URLs", server.StandardError, StringComparison.Ordinal);
        Assert.Contains("Media:MeshSizeLimit must be between 2 and 12", server.StandardError, StringComparison.Ordinal);
        Assert.Contains("Media:AllowLoopbackCandidates must be false in Production", server.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("short-secret", server.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_data, "iop.db")), "a refused start must not create or migrate the database");
    }

    [Fact]
    public async Task Loopback_candidates_for_janus_are_refused_in_production()
    {
        var settings = SecureSettings();
        settings["Media__Janus__Nodes__0__Url"] = "ws://127.0.0.1:1/";
        settings["Media__Janus__Nodes__0__ApiSecret"] = "api-secret";
        settings["Media__Janus__Nodes__0__AdminKey"] = "admin-key";
        settings["Media__Janus__AllowLoopbackCandidates"] = "true";
        await using var server = new ServerProcess(Production(settings));

        var exitCode = await server.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains("Media:Janus:AllowLoopbackCandidates must be false in Production", server.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complete_production_configuration_starts()
    {
        await using var server = new ServerProcess(Production(SecureSettings()));

        var started = await server.WaitForOutputAsync("IopTelehealth is listening on", TimeSpan.FromSeconds(60));

        Assert.True(started, server.StandardError);
        Assert.DoesNotContain("Demo clinic", server.StandardOutput, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private Dictionary<string, string> Production(Dictionary<string, string> settings)
    {
        settings["ASPNETCORE_ENVIRONMENT"] = "Production";
        settings["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}";
        settings["Storage__DataDirectory"] = _data;
        return settings;
    }

    private static Dictionary<string, string> SecureSettings(string? signingKey = null)
    {
        using var signing = RSA.Create(2048);
        using var encryption = RSA.Create(2048);
        return new()
        {
            ["Identity__Issuer"] = "https://iop.example.test/",
            ["Identity__SigningKeyPem"] = signingKey ?? signing.ExportPkcs8PrivateKeyPem(),
            ["Identity__EncryptionKeyPem"] = encryption.ExportPkcs8PrivateKeyPem(),
            ["Identity__WebClientSecret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
    }
}
