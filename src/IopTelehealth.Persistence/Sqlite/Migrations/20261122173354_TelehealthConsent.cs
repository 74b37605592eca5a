using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IopTelehealth.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TelehealthConsent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ConsentText",
                table: "Clinics",
                type: "TEXT",
                maxLength: 20000,
                nullable: false,
                defaultValue: IopTelehealth.Domain.Clinics.TelehealthConsentDefaults.Text);

            migrationBuilder.AddColumn<string>(
                name: "ConsentVersion",
                table: "Clinics",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: IopTelehealth.Domain.Clinics.TelehealthConsentDefaults.Version);

            migrationBuilder.CreateTable(
                name: "TelehealthConsents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClinicId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TelehealthConsents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TelehealthConsents_Clinics_ClinicId",
                        column: x => x.ClinicId,
                        principalTable: "Clinics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TelehealthConsents_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TelehealthConsents_ClinicId",
                table: "TelehealthConsents",
                column: "ClinicId");

            migrationBuilder.CreateIndex(
                name: "IX_TelehealthConsents_PatientId_Version",
                table: "TelehealthConsents",
                columns: new[] { "PatientId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TelehealthConsents");

            migrationBuilder.DropColumn(
                name: "ConsentText",
                table: "Clinics");

            migrationBuilder.DropColumn(
                name: "ConsentVersion",
                table: "Clinics");
        }
    }
}
