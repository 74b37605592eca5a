using IopTelehealth.Server.Tests.Infrastructure;

namespace IopTelehealth.Server.Tests.Hybrid;

/// <summary>A device code nobody approved in time: the device is told, and staff can no longer approve it.</summary>
public sealed class DeviceCodeExpiryTests(DeviceCodeExpiryTests.Server server) : IClassFixture<DeviceCodeExpiryTests.Server>
{
    public sealed class Server() : IopServer(new Dictionary<string, string?>
    {
        ["Identity:DevicePollInterval"] = "00:00:01",
        ["Identity:DeviceCodeLifetime"] = "00:00:03",
    });

    [Fact]
    public async Task An_expired_code_answers_expired_token_and_cannot_be_approved()
    {
        var device = await server.RequestDeviceCodeAsync();
        Assert.InRange(device.ExpiresIn ?? 0, 1, 3);

        var answer = await server.PollUntilDecidedAsync(device.DeviceCode!, DeviceFlowTests.PollInterval);

        Assert.Equal("expired_token", answer.Error);
        var (browser, page) = await server.OpenVerificationAsync(device.UserCode!);
        using (browser)
        {
            Assert.Contains("not valid or has expired", page.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("name=\"decision\"", page.Html, StringComparison.Ordinal);
        }
    }
}
