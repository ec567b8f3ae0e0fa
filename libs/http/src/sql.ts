/** Escapes LIKE wildcards so user text is matched literally (use with ESCAPE '\'). */
export const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);
