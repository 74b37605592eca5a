using IopTelehealth.Domain.Media;
using IopTelehealth.Media.Janus;
using IopTelehealth.Media.Janus.VideoRoom;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IopTelehealth.Media.Tests.Registration;

/// <summary>AddJanusMediaPlane: what it registers, and that a bad configuration fails at start naming the key.</summary>
public sealed class JanusMediaRegistrationTests
{
    private static readonly Dictionary<string, string?> Valid = new()
    {
        ["Media:Janus:Nodes:0:Name"] = "janus-1",
        ["Media:Janus:Nodes:0:Url"] = "ws://127.0.0.1:8188/",
        ["Media:Janus:Nodes:0:ApiSecret"] = "api-secret",
        ["Media:Janus:Nodes:0:AdminKey"] = "admin-key",
    };

    [Fact]
    public async Task A_valid_configuration_registers_the_videoroom_media_plane_with_an_in_memory_directory()
    {
        await using var services = Build(Valid);

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.IsType<JanusVideoRoomMediaPlane>(services.GetRequiredService<IMediaPlane>());
        Assert.IsType<InMemoryMediaRoomDirectory>(services.GetRequiredService<IMediaRoomDirectory>());
        Assert.True(Configuration(Valid).IsJanusConfigured());
        Assert.False(Configuration([]).IsJanusConfigured());
    }

    [Fact]
    public async Task A_bad_node_fails_validation_naming_each_key()
    {
        var settings = new Dictionary<string, string?>(Valid)
        {
            ["Media:Janus:Nodes:0:Url"] = "http://127.0.0.1:8188/",
            ["Media:Janus:Nodes:0:AdminKey"] = "",
            ["Media:Janus:EventsSecret"] = "short",
            ["Media:Janus:KeepaliveInterval"] = "00:01:00",
        };
        await using var services = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Media:Janus:Nodes:0:Url", error.Message, StringComparison.Ordinal);
        Assert.Contains("Media:Janus:Nodes:0:AdminKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("Media:Janus:EventsSecret", error.Message, StringComparison.Ordinal);
        Assert.Contains("Media:Janus:KeepaliveInterval", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) => new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddJanusMediaPlane(Configuration(settings));
        return services.BuildServiceProvider();
    }
}
