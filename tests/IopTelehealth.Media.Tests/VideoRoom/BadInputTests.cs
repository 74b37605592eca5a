using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Media.Tests.VideoRoom;

/// <summary>Bad input is refused with a stable code before Janus sees it; Janus (and the room) stay as they were.</summary>
public sealed class BadInputTests(VideoRoomFixture fixture) : IClassFixture<VideoRoomFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> BadOffers => new()
    {
        { "oversized", TestSdp.Offer().Sdp + new string('a', SessionDescription.MaxBytes) },
        { "oversized in UTF-8 bytes, not in characters", TestSdp.Offer().Sdp + "a=x:" + new string('é', (SessionDescription.MaxBytes / 2) + 1) + "\r\n" },
        { "not SDP", "hello janus" },
        { "empty", "" },
        { "no media", "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n" },
        { "NUL inside", TestSdp.Offer().Sdp.Replace("s=-", "s=\0", StringComparison.Ordinal) },
    };

    [Theory]
    [MemberData(nameof(BadOffers))]
    public async Task A_bad_offer_is_refused_as_invalid_sdp_and_janus_is_untouched(string why, string sdp)
    {
        var session = new SessionId(Guid.NewGuid());
        var placement = await fixture.Plane.EnsureRoomAsync(session, 4, Ct);

        var refused = await Assert.ThrowsAsync<RoomException>(() => fixture.Plane.PublishAsync(session, ParticipantId.New(), MediaOwners.Page, new SessionDescription("offer", sdp), Ct));

        Assert.True(refused.Code == RoomErrors.InvalidSdp, why);
        Assert.Empty(await fixture.ParticipantsAsync(placement));
    }

    [Fact]
    public async Task An_answer_where_an_offer_belongs_is_refused()
    {
        var session = new SessionId(Guid.NewGuid());
        var placement = await fixture.Plane.EnsureRoomAsync(session, 4, Ct);

        var refused = await Assert.ThrowsAsync<RoomException>(() =>
            fixture.Plane.PublishAsync(session, ParticipantId.New(), MediaOwners.Page, new SessionDescription("answer", TestSdp.Offer().Sdp), Ct));

        Assert.Equal(RoomErrors.InvalidSdp, refused.Code);
        Assert.Empty(await fixture.ParticipantsAsync(placement));
    }

    [Fact]
    public async Task An_offer_janus_cannot_parse_is_refused_as_invalid_sdp()
    {
        var session = new SessionId(Guid.NewGuid());
        await fixture.Plane.EnsureRoomAsync(session, 4, Ct);

        var refused = await Assert.ThrowsAsync<RoomException>(() =>
            fixture.Plane.PublishAsync(session, ParticipantId.New(), MediaOwners.Page, new SessionDescription("offer", "v=0\r\nm=audio x\r\nwhat\r\n"), Ct));

        Assert.Equal(RoomErrors.InvalidSdp, refused.Code);
    }

    [Fact]
    public async Task An_answer_without_a_pending_subscriber_offer_is_refused()
    {
        var session = new SessionId(Guid.NewGuid());
        await fixture.Plane.EnsureRoomAsync(session, 4, Ct);

        var refused = await Assert.ThrowsAsync<RoomException>(() =>
            fixture.Plane.AnswerSubscriptionAsync(session, ParticipantId.New(), TestSdp.AnswerTo(TestSdp.Offer()), Ct));

        Assert.Equal(RoomErrors.NoPendingOffer, refused.Code);
    }

    [Theory]
    [InlineData("candidate:1 1 udp 2122260223 169.254.169.254 80 typ host")]
    [InlineData("candidate:1 1 udp 2122260223 169.254.10.1 5000 typ host")]
    [InlineData("candidate:1 1 udp 2122260223 0.0.0.0 5000 typ host")]
    [InlineData("candidate:1 1 udp 2122260223 224.0.0.251 5353 typ host")]
    [InlineData("candidate:1 1 udp 2122260223 255.255.255.255 5000 typ host")]
    [InlineData("candidate:1 1 udp 2122260223 fe80::1 5000 typ host")]
    [InlineData("candidate:1 1 udp 2122260223 ff02::1 5000 typ host")]
    [InlineData("candidate:1 1 udp 2122260223 :: 5000 typ host")]
    [InlineData("candidate:1 1 udp 2122260223 127.0.0.1 6379 typ host")]
    [InlineData("candidate:1 1 udp 2122260223 ::ffff:127.0.0.1 6379 typ host")]
    [InlineData("candidate:1 1 udp 2122260223 evil.example 5000 typ host")]
    [InlineData("candidate:1 1 udp 2122260223 10.0.0.1 0 typ host")]
    [InlineData("not a candidate")]
    public async Task A_candidate_for_a_forbidden_address_is_refused_before_janus(string candidate)
    {
        var session = new SessionId(Guid.NewGuid());
        await fixture.Plane.EnsureRoomAsync(session, 4, Ct);
        var patient = ParticipantId.New();
        await fixture.Plane.PublishAsync(session, patient, MediaOwners.Page, TestSdp.Offer(), Ct);

        var refused = await Assert.ThrowsAsync<RoomException>(() =>
            fixture.Plane.TrickleAsync(session, patient, MediaLeg.Publisher, new IceCandidate(candidate, "0", 0), Ct));

        Assert.Equal(RoomErrors.InvalidCandidate, refused.Code);
    }
}
