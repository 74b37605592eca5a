using Bunit;
using IopTelehealth.Web.Client.Components;
using IopTelehealth.Web.Tests.Fakes;

namespace IopTelehealth.Web.Tests.Client.Components;

public sealed class GoneNoticeTests : WebTestContext
{
    public static TheoryData<string, string, bool> Reasons => new()
    {
        { "ended", "The session has ended", false },
        { "removed", "You were removed from the session", true },
        { "banned", "You were removed from the session", false },
        { "denied", "You were not admitted", false },
        { "replaced", "You joined from somewhere else", true },
        { "checked-in-at-clinic", "You're checked in at the clinic", false },
        { "left", "You left the session", true },
    };

    [Theory]
    [MemberData(nameof(Reasons))]
    public void Says_why_the_browser_is_out_and_offers_to_rejoin_only_when_it_may(string reason, string heading, bool canRejoin)
    {
        var state = new FakeRoomConnection
        {
            Admission = "left",
            Ended = reason == "ended",
            Removed = reason is "removed" or "banned",
            Banned = reason == "banned",
            Denied = reason == "denied",
            Replaced = reason == "replaced",
            CheckedInAtClinic = reason == "checked-in-at-clinic",
        };

        var cut = Render<GoneNotice>(p => p.Add(c => c.State, state).Add(c => c.SessionId, TestRooms.SessionId));

        Assert.Equal(heading, cut.Find("h1").TextContent);
        Assert.Equal(canRejoin, cut.FindAll("a.button").Count == 1);
    }

    [Fact]
    public void A_ban_says_the_session_cannot_be_rejoined()
    {
        var state = new FakeRoomConnection { Admission = "left", Removed = true, Banned = true };

        var cut = Render<GoneNotice>(p => p.Add(c => c.State, state));

        Assert.Contains("cannot rejoin", cut.Find(".gone-reason").TextContent, StringComparison.Ordinal);
    }
}
