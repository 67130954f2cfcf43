/**
 * The international classifications the statistics are tabulated by, with their official titles in English and
 * Spanish: ISCO-08 (CIUO-08) major and sub-major groups, ISIC Rev. 4 (CIIU Rev. 4) sections, and the labels of
 * Puente's own groups (sex, age group, duration band, first-time or returning). Every value is listed so a table
 * shows empty groups with zeros.
 */
export interface Bilingual {
  es: string;
  en: string;
}

export interface Classified {
  key: string;
  label: Bilingual;
}

const list = (rows: readonly (readonly [key: string, en: string, es: string])[]): Classified[] => rows.map(([key, en, es]) => ({ key, label: { en, es } }));

/** ISCO-08 major groups, 1 to 9 then 0 (armed forces) as the ILO lists them. */
export const ISCO_MAJOR_GROUPS = list([
  ['1', 'Managers', 'Directores y gerentes'],
  ['2', 'Professionals', 'Profesionales científicos e intelectuales'],
  ['3', 'Technicians and associate professionals', 'Técnicos y profesionales de nivel medio'],
  ['4', 'Clerical support workers', 'Personal de apoyo administrativo'],
  ['5', 'Service and sales workers', 'Trabajadores de los servicios y vendedores de comercios y mercados'],
  ['6', 'Skilled agricultural, forestry and fishery workers', 'Agricultores y trabajadores calificados agropecuarios, forestales y pesqueros'],
  ['7', 'Craft and related trades workers', 'Oficiales, operarios y artesanos de artes mecánicas y de otros oficios'],
  ['8', 'Plant and machine operators, and assemblers', 'Operadores de instalaciones y máquinas y ensambladores'],
  ['9', 'Elementary occupations', 'Ocupaciones elementales'],
  ['0', 'Armed forces occupations', 'Ocupaciones militares'],
]);

/** ISCO-08 sub-major groups (43), in their major groups' order. */
export const ISCO_SUB_MAJOR_GROUPS = list([
  ['11', 'Chief executives, senior officials and legislators', 'Miembros del poder ejecutivo y de los cuerpos legislativos, y personal directivo de la administración pública y de empresas'],
  ['12', 'Administrative and commercial managers', 'Directores administradores y comerciales'],
  ['13', 'Production and specialised services managers', 'Directores y gerentes de producción y operaciones'],
  ['14', 'Hospitality, retail and other services managers', 'Gerentes de hoteles, restaurantes, comercios y otros servicios'],
  ['21', 'Science and engineering professionals', 'Profesionales de las ciencias y de la ingeniería'],
  ['22', 'Health professionals', 'Profesionales de la salud'],
  ['23', 'Teaching professionals', 'Profesionales de la enseñanza'],
  ['24', 'Business and administration professionals', 'Especialistas en organización de la administración pública y de empresas'],
  ['25', 'Information and communications technology professionals', 'Profesionales de tecnología de la información y las comunicaciones'],
  ['26', 'Legal, social and cultural professionals', 'Profesionales en derecho, en ciencias sociales y culturales'],
  ['31', 'Science and engineering associate professionals', 'Profesionales de las ciencias y la ingeniería de nivel medio'],
  ['32', 'Health associate professionals', 'Profesionales de nivel medio de la salud'],
  ['33', 'Business and administration associate professionals', 'Profesionales de nivel medio en operaciones financieras y administrativas'],
  ['34', 'Legal, social, cultural and related associate professionals', 'Profesionales de nivel medio de servicios jurídicos, sociales, culturales y afines'],
  ['35', 'Information and communications technicians', 'Técnicos de la tecnología de la información y las comunicaciones'],
  ['41', 'General and keyboard clerks', 'Oficinistas'],
  ['42', 'Customer services clerks', 'Empleados en trato directo con el público'],
  ['43', 'Numerical and material recording clerks', 'Empleados contables y encargados del registro de materiales'],
  ['44', 'Other clerical support workers', 'Otro personal de apoyo administrativo'],
  ['51', 'Personal service workers', 'Trabajadores de los servicios personales'],
  ['52', 'Sales workers', 'Vendedores'],
  ['53', 'Personal care workers', 'Trabajadores de los cuidados personales'],
  ['54', 'Protective services workers', 'Personal de los servicios de protección'],
  ['61', 'Market-oriented skilled agricultural workers', 'Agricultores y trabajadores calificados de explotaciones agropecuarias con destino al mercado'],
  ['62', 'Market-oriented skilled forestry, fishery and hunting workers', 'Trabajadores forestales calificados, pescadores y cazadores'],
  ['63', 'Subsistence farmers, fishers, hunters and gatherers', 'Trabajadores agropecuarios, pescadores, cazadores y recolectores de subsistencia'],
  ['71', 'Building and related trades workers, excluding electricians', 'Oficiales y operarios de la construcción excluyendo electricistas'],
  ['72', 'Metal, machinery and related trades workers', 'Oficiales y operarios de la metalurgia, la construcción mecánica y afines'],
  ['73', 'Handicraft and printing workers', 'Artesanos y operarios de las artes gráficas'],
  ['74', 'Electrical and electronic trades workers', 'Trabajadores especializados en electricidad y la electrotecnología'],
  ['75', 'Food processing, wood working, garment and other craft and related trades workers', 'Operarios y oficiales de procesamiento de alimentos, de la confección, ebanistas, otros artesanos y afines'],
  ['81', 'Stationary plant and machine operators', 'Operadores de instalaciones fijas y máquinas'],
  ['82', 'Assemblers', 'Ensambladores'],
  ['83', 'Drivers and mobile plant operators', 'Conductores de vehículos y operadores de equipos pesados móviles'],
  ['91', 'Cleaners and helpers', 'Limpiadores y asistentes'],
  ['92', 'Agricultural, forestry and fishery labourers', 'Peones agropecuarios, pesqueros y forestales'],
  ['93', 'Labourers in mining, construction, manufacturing and transport', 'Peones de la minería, la construcción, la industria manufacturera y el transporte'],
  ['94', 'Food preparation assistants', 'Ayudantes de preparación de alimentos'],
  ['95', 'Street and related sales and service workers', 'Vendedores ambulantes de servicios y afines'],
  ['96', 'Refuse workers and other elementary workers', 'Recolectores de desechos y otras ocupaciones elementales'],
  ['01', 'Commissioned armed forces officers', 'Oficiales de las fuerzas armadas'],
  ['02', 'Non-commissioned armed forces officers', 'Suboficiales de las fuerzas armadas'],
  ['03', 'Armed forces occupations, other ranks', 'Otros miembros de las fuerzas armadas'],
]);

/** ISIC Rev. 4 sections A to U. */
export const ISIC_SECTIONS = list([
  ['A', 'Agriculture, forestry and fishing', 'Agricultura, ganadería, silvicultura y pesca'],
  ['B', 'Mining and quarrying', 'Explotación de minas y canteras'],
  ['C', 'Manufacturing', 'Industrias manufactureras'],
  ['D', 'Electricity, gas, steam and air conditioning supply', 'Suministro de electricidad, gas, vapor y aire acondicionado'],
  ['E', 'Water supply; sewerage, waste management and remediation activities', 'Suministro de agua; evacuación de aguas residuales, gestión de desechos y descontaminación'],
  ['F', 'Construction', 'Construcción'],
  ['G', 'Wholesale and retail trade; repair of motor vehicles and motorcycles', 'Comercio al por mayor y al por menor; reparación de vehículos automotores y motocicletas'],
  ['H', 'Transportation and storage', 'Transporte y almacenamiento'],
  ['I', 'Accommodation and food service activities', 'Actividades de alojamiento y de servicio de comidas'],
  ['J', 'Information and communication', 'Información y comunicaciones'],
  ['K', 'Financial and insurance activities', 'Actividades financieras y de seguros'],
  ['L', 'Real estate activities', 'Actividades inmobiliarias'],
  ['M', 'Professional, scientific and technical activities', 'Actividades profesionales, científicas y técnicas'],
  ['N', 'Administrative and support service activities', 'Actividades de servicios administrativos y de apoyo'],
  ['O', 'Public administration and defence; compulsory social security', 'Administración pública y defensa; planes de seguridad social de afiliación obligatoria'],
  ['P', 'Education', 'Enseñanza'],
  ['Q', 'Human health and social work activities', 'Actividades de atención de la salud humana y de asistencia social'],
  ['R', 'Arts, entertainment and recreation', 'Actividades artísticas, de entretenimiento y recreativas'],
  ['S', 'Other service activities', 'Otras actividades de servicios'],
  [
    'T',
    'Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use',
    'Actividades de los hogares como empleadores; actividades no diferenciadas de los hogares como productores de bienes y servicios para uso propio',
  ],
  ['U', 'Activities of extraterritorial organizations and bodies', 'Actividades de organizaciones y órganos extraterritoriales'],
]);

export const SEX_LABELS = list([
  ['FEMALE', 'Women', 'Mujeres'],
  ['MALE', 'Men', 'Hombres'],
  ['OTHER', 'Other or not stated (not in the ILO sex tables)', 'Otro o no declarado (fuera de las tablas por sexo de la OIT)'],
]);

export const AGE_GROUP_LABELS = list([
  ['AGE_15_24', '15–24 (youth)', '15–24 (jóvenes)'],
  ['AGE_25_34', '25–34', '25–34'],
  ['AGE_35_44', '35–44', '35–44'],
  ['AGE_45_54', '45–54', '45–54'],
  ['AGE_55_PLUS', '55 and over', '55 y más'],
]);

export const DURATION_BAND_LABELS = list([
  ['UNDER_3_MONTHS', 'Under 3 months', 'Menos de 3 meses'],
  ['MONTHS_3_TO_6', '3 to under 6 months', 'De 3 a menos de 6 meses'],
  ['MONTHS_6_TO_12', '6 to under 12 months', 'De 6 a menos de 12 meses'],
  ['MONTHS_12_TO_24', '12 to under 24 months', 'De 12 a menos de 24 meses'],
  ['MONTHS_24_AND_OVER', '24 months and over', '24 meses y más'],
]);

export const FIRST_TIME_LABELS = list([
  ['FIRST_TIME', 'First-time (no earlier deployment)', 'Primera vez (sin despliegue anterior)'],
  ['RETURNING', 'Returning (deployed before)', 'Recurrente (desplegado antes)'],
]);

export const COUNTRY_LABELS = list([
  ['US', 'United States', 'Estados Unidos'],
  ['CA', 'Canada', 'Canadá'],
]);
