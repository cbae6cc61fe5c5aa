/** The loose shape of the FHIR JSON the tests read back (plain HTTP, no project client types). */
export interface FhirJson {
  readonly resourceType?: string;
  readonly id?: string;
  readonly status?: string;
  readonly type?: string;
  readonly total?: number;
  readonly fhirVersion?: string;
  readonly description?: string;
  readonly meta?: { readonly versionId?: string };
  readonly link?: readonly { readonly relation: string; readonly url: string }[];
  readonly entry?: readonly {
    readonly resource?: FhirJson;
    readonly response?: { readonly status: string; readonly location?: string };
  }[];
  readonly issue?: readonly { readonly diagnostics?: string; readonly expression?: string[] }[];
  readonly content?: readonly { readonly attachment: { readonly url?: string } }[];
}
