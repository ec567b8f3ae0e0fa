/**
 * Reference postcode areas (PC4) with approximate centroids (WGS84, 4 decimals).
 *
 * Thorough for the Ferm Werk region (Woerden, Bodegraven-Reeuwijk, Oudewater, Montfoort) and its
 * neighbours, a handful per big city elsewhere. Centroids within one town are small offsets
 * around its centre: good enough for travel distances, not for routing.
 */
export interface PostcodeArea {
  pc4: string;
  place: string;
  municipality: string;
  lat: number;
  lng: number;
}

const area = (
  pc4: string,
  place: string,
  municipality: string,
  lat: number,
  lng: number,
): PostcodeArea => ({ pc4, place, municipality, lat, lng });

export const POSTCODE_AREAS: readonly PostcodeArea[] = [
  // Woerden, with its villages
  area('3440', 'Woerden', 'Woerden', 52.0857, 4.8836), // postbussen
  area('3441', 'Woerden', 'Woerden', 52.0862, 4.88),
  area('3442', 'Woerden', 'Woerden', 52.093, 4.871),
  area('3443', 'Woerden', 'Woerden', 52.0905, 4.8915),
  area('3444', 'Woerden', 'Woerden', 52.081, 4.895),
  area('3445', 'Woerden', 'Woerden', 52.078, 4.872),
  area('3446', 'Woerden', 'Woerden', 52.0795, 4.859),
  area('3447', 'Woerden', 'Woerden', 52.085, 4.91),
  area('3448', 'Woerden', 'Woerden', 52.096, 4.856),
  area('3449', 'Woerden', 'Woerden', 52.088, 4.848),
  area('3471', 'Kamerik', 'Woerden', 52.1115, 4.8957),
  area('3474', 'Zegveld', 'Woerden', 52.1158, 4.8385),
  area('3481', 'Harmelen', 'Woerden', 52.0898, 4.9635),

  // Bodegraven-Reeuwijk (Waddinxveen is a municipality of its own)
  area('2411', 'Bodegraven', 'Bodegraven-Reeuwijk', 52.0825, 4.7495),
  area('2412', 'Bodegraven', 'Bodegraven-Reeuwijk', 52.0775, 4.743),
  area('2415', 'Nieuwerbrug aan den Rijn', 'Bodegraven-Reeuwijk', 52.0857, 4.814),
  area('2811', 'Reeuwijk', 'Bodegraven-Reeuwijk', 52.0465, 4.7235),
  area('3465', 'Driebruggen', 'Bodegraven-Reeuwijk', 52.044, 4.795),
  area('3466', 'Waarder', 'Bodegraven-Reeuwijk', 52.059, 4.8205),

  // Oudewater and Montfoort
  area('3421', 'Oudewater', 'Oudewater', 52.0245, 4.8685),
  area('3467', 'Hekendorp', 'Oudewater', 52.0305, 4.833),
  area('3417', 'Montfoort', 'Montfoort', 52.0455, 4.9515),
  area('3461', 'Linschoten', 'Montfoort', 52.063, 4.9145),

  // Utrecht, with Vleuten and De Meern next to Harmelen
  area('3452', 'Vleuten', 'Utrecht', 52.108, 5.013),
  area('3453', 'De Meern', 'Utrecht', 52.081, 5.034),
  area('3511', 'Utrecht', 'Utrecht', 52.092, 5.117),
  area('3512', 'Utrecht', 'Utrecht', 52.087, 5.123),
  area('3521', 'Utrecht', 'Utrecht', 52.079, 5.111),
  area('3531', 'Utrecht', 'Utrecht', 52.0905, 5.102),
  area('3552', 'Utrecht', 'Utrecht', 52.109, 5.096),
  area('3561', 'Utrecht', 'Utrecht', 52.106, 5.124),
  area('3572', 'Utrecht', 'Utrecht', 52.096, 5.133),
  area('3581', 'Utrecht', 'Utrecht', 52.088, 5.132),
  area('3584', 'Utrecht', 'Utrecht', 52.0855, 5.176),

  // Gouda
  area('2801', 'Gouda', 'Gouda', 52.011, 4.7105),
  area('2802', 'Gouda', 'Gouda', 52.017, 4.693),
  area('2803', 'Gouda', 'Gouda', 52.027, 4.707),
  area('2804', 'Gouda', 'Gouda', 52.026, 4.74),
  area('2805', 'Gouda', 'Gouda', 52.005, 4.725),
  area('2806', 'Gouda', 'Gouda', 52.004, 4.695),
  area('2808', 'Gouda', 'Gouda', 52.018, 4.729),

  // Alphen aan den Rijn
  area('2401', 'Alphen aan den Rijn', 'Alphen aan den Rijn', 52.129, 4.657),
  area('2402', 'Alphen aan den Rijn', 'Alphen aan den Rijn', 52.138, 4.672),
  area('2403', 'Alphen aan den Rijn', 'Alphen aan den Rijn', 52.135, 4.642),
  area('2404', 'Alphen aan den Rijn', 'Alphen aan den Rijn', 52.121, 4.668),
  area('2405', 'Alphen aan den Rijn', 'Alphen aan den Rijn', 52.123, 4.645),
  area('2406', 'Alphen aan den Rijn', 'Alphen aan den Rijn', 52.117, 4.629),

  // IJsselstein and Nieuwegein
  area('3401', 'IJsselstein', 'IJsselstein', 52.02, 5.044),
  area('3402', 'IJsselstein', 'IJsselstein', 52.0265, 5.0265),
  area('3403', 'IJsselstein', 'IJsselstein', 52.015, 5.055),
  area('3431', 'Nieuwegein', 'Nieuwegein', 52.011, 5.093),
  area('3432', 'Nieuwegein', 'Nieuwegein', 52.026, 5.075),
  area('3433', 'Nieuwegein', 'Nieuwegein', 52.042, 5.068),
  area('3435', 'Nieuwegein', 'Nieuwegein', 52.032, 5.089),
  area('3437', 'Nieuwegein', 'Nieuwegein', 52.039, 5.095),
  area('3438', 'Nieuwegein', 'Nieuwegein', 52.046, 5.087),

  // Other neighbours
  area('3621', 'Breukelen', 'Stichtse Vecht', 52.173, 5.001),
  area('3628', 'Kockengen', 'Stichtse Vecht', 52.149, 4.956),
  area('3641', 'Mijdrecht', 'De Ronde Venen', 52.207, 4.863),
  area('2741', 'Waddinxveen', 'Waddinxveen', 52.044, 4.6515),
  area('3411', 'Lopik', 'Lopik', 51.9725, 4.945),
  area('2851', 'Haastrecht', 'Krimpenerwaard', 52.0015, 4.776),
  area('2871', 'Schoonhoven', 'Krimpenerwaard', 51.9475, 4.849),

  // Amsterdam
  area('1011', 'Amsterdam', 'Amsterdam', 52.371, 4.901),
  area('1012', 'Amsterdam', 'Amsterdam', 52.3735, 4.8935),
  area('1013', 'Amsterdam', 'Amsterdam', 52.387, 4.881),
  area('1015', 'Amsterdam', 'Amsterdam', 52.3775, 4.883),
  area('1016', 'Amsterdam', 'Amsterdam', 52.37, 4.883),
  area('1017', 'Amsterdam', 'Amsterdam', 52.362, 4.8935),
  area('1018', 'Amsterdam', 'Amsterdam', 52.365, 4.92),

  // Rotterdam
  area('3011', 'Rotterdam', 'Rotterdam', 51.9215, 4.488),
  area('3012', 'Rotterdam', 'Rotterdam', 51.9215, 4.475),
  area('3013', 'Rotterdam', 'Rotterdam', 51.924, 4.4665),
  area('3014', 'Rotterdam', 'Rotterdam', 51.916, 4.467),
  area('3015', 'Rotterdam', 'Rotterdam', 51.911, 4.468),
  area('3016', 'Rotterdam', 'Rotterdam', 51.907, 4.478),

  // Den Haag (postal place 's-Gravenhage)
  area('2511', 'Den Haag', "'s-Gravenhage", 52.079, 4.317),
  area('2512', 'Den Haag', "'s-Gravenhage", 52.074, 4.311),
  area('2513', 'Den Haag', "'s-Gravenhage", 52.078, 4.304),
  area('2514', 'Den Haag', "'s-Gravenhage", 52.084, 4.306),
  area('2515', 'Den Haag', "'s-Gravenhage", 52.069, 4.321),
  area('2517', 'Den Haag', "'s-Gravenhage", 52.092, 4.293),
  area('2518', 'Den Haag', "'s-Gravenhage", 52.087, 4.299),

  // Other big cities
  area('5611', 'Eindhoven', 'Eindhoven', 51.439, 5.476),
  area('5612', 'Eindhoven', 'Eindhoven', 51.447, 5.49),
  area('9711', 'Groningen', 'Groningen', 53.219, 6.568),
  area('9712', 'Groningen', 'Groningen', 53.216, 6.561),
  area('8011', 'Zwolle', 'Zwolle', 52.5125, 6.093),
  area('6811', 'Arnhem', 'Arnhem', 51.9815, 5.911),
  area('6511', 'Nijmegen', 'Nijmegen', 51.846, 5.866),
  area('6211', 'Maastricht', 'Maastricht', 50.8505, 5.689),
  area('8911', 'Leeuwarden', 'Leeuwarden', 53.201, 5.7995),
];
