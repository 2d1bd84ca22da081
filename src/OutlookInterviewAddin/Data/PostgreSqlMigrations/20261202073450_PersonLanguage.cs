using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OutlookInterviewAddin.Data.PostgreSqlMigrations
{
    /// <inheritdoc />
    public partial class PersonLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Profiles",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AddressForm",
                table: "People",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "People",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "en");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Language",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "AddressForm",
                table: "People");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "People");
        }
    }
}
