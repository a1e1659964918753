import { deployOrder, eject } from "../../generator/eject/eject";
import { identifier, renameIds } from "../../generator/eject/names";
import type { CdktfStack } from "../../generator/eject/references";

const stack = (id: string, json: CdktfStack["json"]): CdktfStack => ({ id, dir: `/p/cdktf.out/stacks/${id}`, json });

describe("eject: readable names", () => {
  test("GIVEN cdktf logical IDs THEN the hash and the blueprint's top construct go, and `-` becomes `_`", () => {
    const names = renameIds("aws_vpc_endpoint", ["endpoints_interface-ssm_1A2B3C4D", "endpoints_gateway-s3_0F0F0F0F"]);
    expect(Object.fromEntries(names)).toEqual({
      "endpoints_interface-ssm_1A2B3C4D": "interface_ssm",
      "endpoints_gateway-s3_0F0F0F0F": "gateway_s3",
    });
  });

  test("GIVEN two IDs that would collide THEN the full path is kept, then a number, whatever the input order", () => {
    const ids = ["a_vpc_11111111", "b_vpc_22222222", "vpc", "c_x-y_33333333", "c_x_y_44444444"];
    const forward = renameIds("aws_vpc", ids);
    expect(Object.fromEntries(forward)).toEqual({
      a_vpc_11111111: "a_vpc",
      b_vpc_22222222: "b_vpc",
      vpc: "vpc",
      c_x_y_44444444: "c_x_y_2",
      "c_x-y_33333333": "c_x_y",
    });
    expect(renameIds("aws_vpc", [...ids].reverse())).toEqual(forward);
    expect(new Set(forward.values()).size).toBe(ids.length);
  });

  test("GIVEN an ID that is only a hash or starts with a digit THEN the type names it", () => {
    expect(identifier("", "vpc")).toBe("vpc");
    expect(identifier("0abc", "route")).toBe("route_0abc");
    expect(Object.fromEntries(renameIds("aws_route", ["hub_0-1_ABCDEF12"]))).toEqual({ "hub_0-1_ABCDEF12": "route_0_1" });
  });

  test("GIVEN a cross-stack reference THEN remote state is named after the stack and the output after its value", () => {
    const provider = stack("provider", {
      resource: { aws_vpc_endpoint_service: { service_E7C408F2: { acceptance_required: true } } },
      output: {
        "cross-stack-output-aws_vpc_endpoint_serviceservice_E7C408F2id": {
          value: "${aws_vpc_endpoint_service.service_E7C408F2.id}",
          sensitive: true,
        },
        "cross-stack-output-aws_vpc_endpoint_serviceservice_E7C408F2service_name": {
          value: "${aws_vpc_endpoint_service.service_E7C408F2.service_name}",
          sensitive: true,
        },
        service_name: { value: "${aws_vpc_endpoint_service.service_E7C408F2.service_name}" },
      },
    });
    const ref =
      "data.terraform_remote_state.cross-stack-reference-input-provider.outputs.cross-stack-output-aws_vpc_endpoint_serviceservice_E7C408F2";
    const consumer = stack("consumer-1", {
      data: {
        terraform_remote_state: { "cross-stack-reference-input-provider": { backend: "local", config: { path: "../../../p.tfstate" } } },
      },
      resource: {
        aws_vpc_endpoint: { consumer_endpoint_00FBFF2E: { service_name: `\${${ref}service_name}`, tags: { Id: `x-\${${ref}id}` } } },
      },
    });
    const { files, order } = eject([consumer, provider], "/p");
    const main = (id: string) => files.find((f) => f.path === `${id}/main.tf`)!.content;
    expect(main("consumer-1")).toContain('data "terraform_remote_state" "provider" {');
    expect(main("consumer-1")).toContain('path = "../../p.tfstate"');
    expect(main("consumer-1")).toContain("service_name = data.terraform_remote_state.provider.outputs.service_name");
    expect(main("consumer-1")).toContain('Id = "x-${data.terraform_remote_state.provider.outputs.service_id}"');
    expect(main("provider")).toContain('output "service_id" {');
    expect(main("provider")).not.toContain("cross-stack");
    expect(files.find((f) => f.path === "consumer-1/moved.tf")!.content).toContain(
      "from = aws_vpc_endpoint.consumer_endpoint_00FBFF2E\n  to   = aws_vpc_endpoint.endpoint",
    );
    expect(order).toEqual(["provider", "consumer-1"]);
  });

  test("GIVEN stacks that read each other THEN the deploy order puts each after what it reads, or names the cycle", () => {
    expect(
      deployOrder([
        { id: "c", reads: ["b"] },
        { id: "b", reads: ["a"] },
        { id: "a", reads: [] },
      ]),
    ).toEqual(["a", "b", "c"]);
    expect(() =>
      deployOrder([
        { id: "a", reads: ["b"] },
        { id: "b", reads: ["a"] },
      ]),
    ).toThrow(/cycle/);
  });

  test("GIVEN a resource type eject has no block table for THEN a user error names the stack and the type", () => {
    expect(() => eject([stack("s", { resource: { aws_instance: { web_1234ABCD: {} } } })], "/p")).toThrow(
      /stack s has resource type aws_instance/,
    );
  });
});
