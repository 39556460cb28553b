/** A dotted IPv4 address as the ASA writes one (four groups of digits; ranges are not judged here). */
export const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
