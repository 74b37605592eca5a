using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Media.Tests.Turn;

/// <summary>Short-lived TURN credentials against a real coturn with use-auth-secret, driven by coturn's own client.</summary>
public sealed class TurnCredentialsTests(CoturnProcess coturn) : IClassFixture<CoturnProcess>
{
    [Fact]
    public async Task Fresh_credentials_allocate_a_relay_and_carry_data()
    {
        var credential = TurnCredentials.Create(coturn.Secret, ParticipantId.New(), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(10));

        var (exitCode, output) = await coturn.RunClientAsync(credential.Username, credential.Password);

        Assert.True(exitCode == 0, output);
        Assert.Contains("tot_recv_msgs=6", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Cannot complete Allocation", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expired_credentials_are_refused()
    {
        var credential = TurnCredentials.Create(coturn.Secret, ParticipantId.New(), DateTimeOffset.UtcNow.AddHours(-1), TimeSpan.FromMinutes(10));

        var (exitCode, output) = await coturn.RunClientAsync(credential.Username, credential.Password);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Cannot complete Allocation", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_signed_with_another_secret_are_refused()
    {
        var credential = TurnCredentials.Create("not-the-turn-secret", ParticipantId.New(), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(10));

        var (exitCode, output) = await coturn.RunClientAsync(credential.Username, credential.Password);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Cannot complete Allocation", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_username_is_expiry_colon_participant_and_the_password_its_hmac_sha1()
    {
        var participant = new ParticipantId("a1b2c3d4e5f6");
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

        var credential = TurnCredentials.Create("secret", participant, now, TimeSpan.FromHours(1));

        Assert.Equal("1800003600:a1b2c3d4e5f6", credential.Username);
        // printf %s 1800003600:a1b2c3d4e5f6 | openssl dgst -sha1 -hmac secret -binary | base64
        Assert.Equal(ExpectedPassword, credential.Password);
        Assert.Equal(now.AddHours(1), credential.ExpiresAt);
    }

    private const string ExpectedPassword = "E83rZhp+vcJXzj31GoXFWP4qxC8=";
}
