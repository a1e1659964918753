/**
 * The one place the blueprints import the CDKTF core library from. CDKTF was
 * archived upstream in December 2025; its community fork `cdktn` keeps the
 * same API, so moving to it means changing the module name here (and the
 * `cdktf` dependency), not every blueprint.
 */

export type { TerraformBackend } from "cdktf";
export { App, Fn, LocalBackend, S3Backend, TerraformOutput, TerraformStack, Testing } from "cdktf";
