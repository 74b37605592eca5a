using Bunit;
using IopTelehealth.Web.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace IopTelehealth.Web.Tests.Layout;

public sealed class MainLayoutTests : WebTestContext
{
    [Fact]
    public void Signed_in_users_see_their_name_and_a_sign_out_form_posting_with_an_antiforgery_token()
    {
        SignInAs(AppRoles.Patient);

        var cut = Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddContent(0, "body"))));

        Assert.Equal("someone@clinic.test", cut.Find(".who").TextContent);
        var form = cut.Find("form.signout");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("signout", form.GetAttribute("action"));
        // The token's value comes from the request at run time; here it is enough that the form carries the component.
        Assert.Single(cut.FindComponents<AntiforgeryToken>());
        Assert.Empty(cut.FindAll("nav.admin"));
    }

    [Fact]
    public void Anonymous_visitors_see_a_sign_in_link()
    {
        AddAuthorization();

        var cut = Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddContent(0, "body"))));

        Assert.Equal("signin", cut.Find("header a:not(.brand)").GetAttribute("href"));
        Assert.Empty(cut.FindAll("form.signout"));
    }

    [Theory]
    [InlineData(AppRoles.Admin, true)]
    [InlineData(AppRoles.Staff, true)]
    [InlineData(AppRoles.Therapist, false)]
    [InlineData(AppRoles.Patient, false)]
    public void Only_admins_and_staff_get_the_administration_menu(string role, bool shown)
    {
        SignInAs(role);

        var cut = Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddContent(0, "body"))));

        Assert.Equal(shown, cut.FindAll("nav.admin").Count == 1);
    }
}
