export declare const CHROMIUM_ARGS: readonly string[];
export declare function chromiumPath(): string | undefined;
export declare function headlessChromium(): { executablePath: string | undefined; args: string[] };
