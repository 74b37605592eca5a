using Bunit;
using IopTelehealth.Web.Components.Invites;
using IopTelehealth.Web.Tests.Fakes;

namespace IopTelehealth.Web.Tests.Components.Invites;

public sealed class InviteLinkTests : WebTestContext
{
    [Fact]
    public void Shows_the_link_ready_to_copy_with_its_expiry()
    {
        var cut = Render<InviteLink>(p => p.Add(x => x.Invite, TestData.Invite).Add(x => x.Recipient, "Sunrise"));

        var input = cut.Find("input#invite-link");
        Assert.Equal("https://clinic.example/account/invite?token=abc123", input.GetAttribute("value"));
        Assert.True(input.HasAttribute("readonly"));
        Assert.Equal("Invite link for Sunrise", cut.Find("label").TextContent);
        Assert.Contains("Thu, Jun 4 at 5:00 PM UTC", cut.Find(".hint").TextContent, StringComparison.Ordinal);
    }
}
